package org.hybridta.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.hybridta.io.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and opens compute backends.
 *
 * <p>The choice, first match wins: the name passed in (unless {@code null} or {@code auto}), the system
 * property {@code hybridta.backend}, the environment variable {@code HYBRIDTA_BACKEND}, and otherwise
 * the available backend that {@code auto} prefers: with a {@link Workload}, the one whose
 * {@link BackendProvider#estimateSeconds estimate} is lowest (a GPU's set-up included, so a small run stays on the
 * CPU), else the one of highest priority (CUDA above CPU). A backend chosen by name that cannot run
 * fails with {@link BackendUnavailableException}; only {@code auto} falls back, and it logs what it chose
 * and why. A backend opened by {@code auto} also computes on the CPU the specs it has no kernel for
 * ({@link ComputeBackend#supports}), logging each once; one named explicitly refuses them, naming them.
 */
public final class Backends {
    /** The system property that names a backend when the caller does not. */
    public static final String PROPERTY = "hybridta.backend";
    /** The environment variable that names a backend when neither the caller nor the property does. */
    public static final String ENVIRONMENT = "HYBRIDTA_BACKEND";
    /** The name that asks for the best available backend. */
    public static final String AUTO = "auto";

    private static final Logger log = LoggerFactory.getLogger(Backends.class);

    private Backends() {}

    /** Every provider on the class path, highest priority first. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> all = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) all.add(p);
        all.sort(Comparator.comparingInt(BackendProvider::priority).reversed().thenComparing(BackendProvider::name));
        return all;
    }

    /** Opens the backend {@code name} (or {@code auto}, or {@code null} for the configured default) with default options. */
    public static ComputeBackend open(String name) {
        return open(name, BackendOptions.defaults());
    }

    /** Opens the chosen backend; see the class documentation for how the choice is made. */
    public static ComputeBackend open(String name, BackendOptions options) {
        String property = System.getProperty(PROPERTY), environment = System.getenv(ENVIRONMENT);
        BackendProvider p = select(name, providers(), property, environment);
        ComputeBackend backend = p.create(options);
        // only auto computes on the cpu what the chosen backend lacks; a backend named explicitly refuses it
        boolean auto = firstNamed(name, property, environment).equals(AUTO);
        return auto && !p.name().equals("cpu") ? new FallbackBackend(backend, options) : backend;
    }

    /** The provider that {@link #open(String, BackendOptions)} would use, without opening it. */
    public static BackendProvider choose(String name) {
        return choose(name, null);
    }

    /**
     * The provider for {@code name}, as {@link #choose(String)}; where the choice is {@code auto}, the available one that
     * computes {@code work} soonest by its estimate (null: by priority alone), logging the estimates.
     */
    public static BackendProvider choose(String name, Workload work) {
        return select(name, providers(), System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), work);
    }

    /** The selection rule itself, with its inputs explicit so that it can be tested. */
    static BackendProvider select(String explicit, List<BackendProvider> providers, String property, String environment) {
        return select(explicit, providers, property, environment, null);
    }

    static BackendProvider select(String explicit, List<BackendProvider> providers, String property, String environment, Workload work) {
        String name = firstNamed(explicit, property, environment);
        if (name.equals(AUTO)) {
            List<String> skipped = new ArrayList<>();
            List<BackendProvider> available = new ArrayList<>();
            for (BackendProvider p : providers) {
                Availability a = p.availability();
                if (a.available()) available.add(p);
                else skipped.add(p.name() + ": " + a.reason());
            }
            if (available.isEmpty()) {
                throw new BackendUnavailableException("no compute backend can run here"
                        + (skipped.isEmpty() ? " (none on the class path; add org.hybridta:hybridta-core)" : ": " + String.join("; ", skipped)));
            }
            BackendProvider best = available.get(0);   // highest priority
            String why = best.availability().reason();
            if (work != null && available.size() > 1) {
                double[] est = available.stream().mapToDouble(p -> p.estimateSeconds(work)).toArray();
                if (Arrays.stream(est).allMatch(Double::isFinite)) {
                    int k = 0;
                    for (int i = 1; i < est.length; i++) if (est[i] < est[k]) k = i;   // ties: the higher priority
                    best = available.get(k);
                    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "estimated %.3f s", est[k]));
                    for (int i = 0; i < est.length; i++) {
                        if (i != k) sb.append(String.format(Locale.ROOT, " against %.3f s on %s", est[i], available.get(i).name()));
                    }
                    why = sb.append(String.format(Locale.ROOT, " for %,d values on %d threads, set-up included", work.cells(), work.threads())).toString();
                }
            }
            if (skipped.isEmpty()) log.info("backend auto: chose {} ({})", best.name(), why);
            else log.info("backend auto: chose {} ({}); skipped {}", best.name(), why, String.join("; ", skipped));
            return best;
        }
        for (BackendProvider p : providers) {
            if (p.name().equals(name)) {
                Availability a = p.availability();
                if (!a.available()) {
                    throw new BackendUnavailableException("backend " + name + " cannot run here: " + a.reason()
                            + "; choose another with --backend (" + names(providers) + ") or use --backend auto");
                }
                return p;
            }
        }
        String hint = name.equals("cuda") ? "; add org.hybridta:hybridta-cuda to the class path" : "";
        throw new BackendUnavailableException("unknown backend '" + UntrustedText.cap(name) + "' (known: " + names(providers) + ", auto)" + hint);
    }

    private static String firstNamed(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) return c.strip().toLowerCase(Locale.ROOT);
        }
        return AUTO;
    }

    private static String names(List<BackendProvider> providers) {
        return providers.stream().map(BackendProvider::name).collect(Collectors.joining(", "));
    }
}
