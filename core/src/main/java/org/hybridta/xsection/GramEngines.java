package org.hybridta.xsection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.backend.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link GramEngine}s on the class path and chooses one, by the compute backends' rule: the name given
 * (unless {@code null} or {@code auto}), else the system property {@value Backends#PROPERTY}, else
 * {@value Backends#ENVIRONMENT}, else the available engine of highest priority ({@code cuda} above {@code cpu}). An
 * engine named explicitly that cannot run fails with the reason; only {@code auto} falls back, and logs what it chose.
 */
public final class GramEngines {
    private static final Logger log = LoggerFactory.getLogger(GramEngines.class);

    private GramEngines() {}

    /** Every provider on the class path, highest priority first. */
    public static List<GramEngineProvider> providers() {
        List<GramEngineProvider> all = new ArrayList<>();
        for (GramEngineProvider p : ServiceLoader.load(GramEngineProvider.class, GramEngines.class.getClassLoader())) all.add(p);
        all.sort(Comparator.comparingInt(GramEngineProvider::priority).reversed().thenComparing(GramEngineProvider::name));
        return all;
    }

    /**
     * The provider for {@code name} ({@code cpu}, {@code cuda}, {@code auto} or null).
     *
     * @throws BackendUnavailableException for an unknown name or an engine that cannot run here, saying why and what to do
     */
    public static GramEngineProvider choose(String name) {
        return select(name, providers(), System.getProperty(Backends.PROPERTY), System.getenv(Backends.ENVIRONMENT));
    }

    static GramEngineProvider select(String explicit, List<GramEngineProvider> providers, String property, String environment) {
        String name = Backends.AUTO;
        for (String c : new String[] {explicit, property, environment}) {
            if (c != null && !c.isBlank()) {
                name = c.strip().toLowerCase(Locale.ROOT);
                break;
            }
        }
        String known = providers.stream().map(GramEngineProvider::name).collect(Collectors.joining(", "));
        List<String> skipped = new ArrayList<>();
        for (GramEngineProvider p : providers) {
            if (!name.equals(Backends.AUTO) && !p.name().equals(name)) continue;
            Availability a = p.availability();
            if (a.available()) {
                if (name.equals(Backends.AUTO)) {
                    log.info("cross-section engine auto: chose {} ({}){}", p.name(), a.reason(), skipped.isEmpty() ? "" : "; skipped " + String.join("; ", skipped));
                }
                return p;
            }
            if (!name.equals(Backends.AUTO)) {
                throw new BackendUnavailableException("cross-section engine " + name + " cannot run here: " + a.reason()
                        + "; choose another with --backend (" + known + ") or use --backend auto");
            }
            skipped.add(p.name() + ": " + a.reason());
        }
        if (name.equals(Backends.AUTO)) {
            throw new BackendUnavailableException("no cross-section engine can run here: " + (skipped.isEmpty() ? "none on the class path" : String.join("; ", skipped)));
        }
        throw new BackendUnavailableException("unknown cross-section engine '" + name + "' (known: " + known + ", auto)"
                + (name.equals("cuda") ? "; add org.hybridta:hybridta-cuda to the class path" : ""));
    }
}
