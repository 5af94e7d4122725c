package org.hybridta.xsection;

import java.util.List;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ProviderChoice;

/**
 * Finds the {@link GramEngine}s on the class path and chooses one, by the compute backends' rule: the name given
 * (unless {@code null} or {@code auto}), else the system property {@value Backends#PROPERTY}, else
 * {@value Backends#ENVIRONMENT}, else the available engine of highest priority ({@code cuda} above {@code cpu}). An
 * engine named explicitly that cannot run fails with the reason; only {@code auto} falls back, and logs what it chose.
 */
public final class GramEngines {
    private static final ProviderChoice<GramEngineProvider> CHOICE = new ProviderChoice<>("cross-section engine",
            GramEngineProvider::name, GramEngineProvider::priority, GramEngineProvider::availability);

    private GramEngines() {}

    /** Every provider on the class path, highest priority first. */
    public static List<GramEngineProvider> providers() {
        return CHOICE.providers(GramEngineProvider.class, GramEngines.class.getClassLoader());
    }

    /**
     * The provider for {@code name} ({@code cpu}, {@code cuda}, {@code auto} or null).
     *
     * @throws BackendUnavailableException for an unknown name or an engine that cannot run here, saying why and what to do
     */
    public static GramEngineProvider choose(String name) {
        return CHOICE.choose(name, providers());
    }

    static GramEngineProvider select(String explicit, List<GramEngineProvider> providers, String property, String environment) {
        return CHOICE.select(explicit, providers, property, environment);
    }
}
