package org.hybridta.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses, once per process, the cuBLAS binding that loads: JCublas 12.6 ({@code libcublas.so.12}, CUDA 12), else
 * JavaCPP's CUDA 13.1 presets ({@code libcublas.so.13}, CUDA 13). The system property {@value #PROPERTY} or the
 * environment variable {@value #ENVIRONMENT} ({@code auto}, {@code jcublas} or {@code javacpp}) may name one; a named
 * binding that does not load is not replaced by the other. The choice and why is logged at INFO and shown by
 * {@code hybridta --version}.
 */
final class CublasBindings {
    /** The system property that names a binding. */
    static final String PROPERTY = "hybridta.cublas";
    /** The environment variable that names a binding when the property does not. */
    static final String ENVIRONMENT = "HYBRIDTA_CUBLAS";

    private static final Logger log = LoggerFactory.getLogger(CublasBindings.class);
    /** The dynamic linker's words for a library it did not find, e.g. {@code libcublas.so.12: cannot open shared object file}. */
    private static final java.util.regex.Pattern MISSING_LIBRARY = java.util.regex.Pattern.compile("([\\w.+-]+\\.so(?:\\.\\d+)*): cannot open shared object file");
    private static Choice choice;

    /** One way to call cuBLAS from Java. */
    interface Binding {
        /** The name it is chosen by: {@code jcublas}, {@code javacpp}. */
        String name();

        /** What it is, e.g. {@code JCublas 12.6.0}. */
        String describe();

        /** The cuBLAS library it links, e.g. {@code libcublas.so.12}. */
        String library();

        /** Loads the binding and returns cuBLAS's major, minor and patch version; an {@link Error} or exception where it cannot load. */
        int[] version();

        /** A cuBLAS handle on the current context. */
        Cublas open();
    }

    /**
     * The outcome: the binding chosen (null when none loads), the version of the cuBLAS it reached, and why the others
     * were not chosen.
     */
    record Choice(Binding binding, int[] version, List<String> skipped) {
        /** E.g. {@code cuBLAS 13.0.2 through JavaCPP's CUDA 13.1 presets (libcublas.so.13); jcublas: libcublas.so.12 not found}. */
        String describe() {
            String why = skipped.isEmpty() ? "" : "; " + String.join("; ", skipped);
            if (binding == null) return "no cuBLAS binding loads: " + String.join("; ", skipped);
            String through = binding.library().endsWith("." + version[0]) ? "" : ", through a libcublas.so." + version[0] + " forwarding "
                    + binding.library();
            return "cuBLAS " + version[0] + "." + version[1] + "." + version[2] + " through " + binding.describe() + " (" + binding.library()
                    + through + ")" + why;
        }
    }

    private CublasBindings() {}

    /** The binding of this process (chosen on first use). Never throws. */
    static synchronized Choice choice() {
        if (choice == null) {
            String named = System.getProperty(PROPERTY);
            if (named == null || named.isBlank()) named = System.getenv(ENVIRONMENT);
            choice = choose(named, List.of(new JCublasBinding(), new JavaCppCublasBinding()));
            log.info("cuBLAS: {}", choice.describe());
        }
        return choice;
    }

    static Choice choose(String named, List<Binding> bindings) {
        String name = named == null || named.isBlank() ? "auto" : named.strip().toLowerCase(Locale.ROOT);
        List<String> skipped = new ArrayList<>();
        boolean known = name.equals("auto");
        for (Binding b : bindings) {
            if (!name.equals("auto") && !b.name().equals(name)) continue;
            known = true;
            try {
                return new Choice(b, b.version(), skipped);
            } catch (Throwable t) {   // a missing native library is an Error
                skipped.add(b.name() + ": " + why(b, t));
            }
        }
        if (!known) {
            skipped.add(PROPERTY + "=" + named + " names no binding (choose auto, "
                    + String.join(", ", bindings.stream().map(Binding::name).toList()) + ")");
        }
        return new Choice(null, null, skipped);
    }

    /** Why a binding did not load, in one line. */
    static String why(Binding b, Throwable t) {
        StringBuilder chain = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) chain.append(' ').append(c.getMessage().strip());
        }
        String text = chain.toString().strip();
        java.util.regex.Matcher missing = MISSING_LIBRARY.matcher(text);
        if (missing.find()) {
            return missing.group(1) + " not found (" + b.describe() + " links " + b.library() + " from the machine's CUDA "
                    + b.library().substring(b.library().lastIndexOf('.') + 1) + "; put its directory on LD_LIBRARY_PATH)";
        }
        return b.describe() + " did not load: " + (text.isEmpty() ? t.getClass().getSimpleName() : text.replaceAll("\\s*\\R\\s*", "; "));
    }
}
