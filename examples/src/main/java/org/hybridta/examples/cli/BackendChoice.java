package org.hybridta.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.io.UntrustedText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --backend} and {@code --precision} options, shared by every subcommand that computes. */
final class BackendChoice {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Compute backend: auto, cpu or cuda (when hybridta-cuda is on the class path). "
                    + "Default: the system property hybridta.backend, else $HYBRIDTA_BACKEND, else auto "
                    + "(for a run: the available one that should finish first, a GPU's set-up included; cuda above cpu otherwise).")
    private String backend;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "double",
            description = "Precision of the results: double or float (default: ${DEFAULT-VALUE}). "
                    + "The cuda backend returns float results (computed in double, rounded once); the cpu backend always computes in double.")
    private Precision precision;

    /** The backend name as given, or null when none was. */
    String name() { return backend; }

    Precision precision() { return precision; }

    /**
     * Checks that the name given, if any, is one of the backends on the class path: a misspelt name is a
     * usage error, found before any work is done. Whether the backend can run is found when it is opened.
     */
    void checkName() {
        if (backend == null || backend.isBlank()) return;
        String name = backend.strip().toLowerCase(Locale.ROOT);
        if (name.equals(Backends.AUTO)) return;
        List<BackendProvider> providers = Backends.providers();
        if (providers.stream().noneMatch(p -> p.name().equals(name))) {
            String known = providers.stream().map(BackendProvider::name).collect(Collectors.joining(", "));
            String hint = name.equals("cuda") ? "; this build has no CUDA backend (add org.hybridta:hybridta-cuda)" : "";
            throw new ParameterException(mixee.commandLine(),
                    "--backend " + UntrustedText.cap(backend) + ": unknown backend (choose " + known + " or auto)" + hint);
        }
    }

    /**
     * Opens the chosen backend with the chosen precision.
     *
     * @throws org.hybridta.backend.BackendUnavailableException saying why it cannot run and what to do
     */
    ComputeBackend open() {
        return Backends.open(backend, BackendOptions.builder().precision(precision).build());
    }
}
