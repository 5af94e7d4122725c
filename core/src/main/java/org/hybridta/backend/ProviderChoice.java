package org.hybridta.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.hybridta.io.UntrustedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute backends' rule for choosing among the providers of any service that has a CPU and a GPU implementation
 * (cross-section engines, universe streams): the name given (unless {@code null} or {@code auto}), else the system
 * property {@value Backends#PROPERTY}, else {@value Backends#ENVIRONMENT}, else the available provider of highest
 * priority. One named explicitly that cannot run fails with the reason; only {@code auto} falls back, and logs what
 * it chose.
 *
 * @param <P> the provider type
 */
public final class ProviderChoice<P> {
    private static final Logger log = LoggerFactory.getLogger(ProviderChoice.class);

    private final String what;
    private final Function<P, String> name;
    private final ToIntFunction<P> priority;
    private final Function<P, Availability> availability;

    /**
     * @param what         what the providers provide, for messages ({@code cross-section engine})
     * @param name         a provider's name ({@code cpu}, {@code cuda})
     * @param priority     a provider's priority: higher wins under {@code auto}
     * @param availability whether a provider can run here (never throws)
     */
    public ProviderChoice(String what, Function<P, String> name, ToIntFunction<P> priority, Function<P, Availability> availability) {
        this.what = what;
        this.name = name;
        this.priority = priority;
        this.availability = availability;
    }

    /** Every provider of {@code type} on the class path of {@code loader}, highest priority first. */
    public List<P> providers(Class<P> type, ClassLoader loader) {
        List<P> all = new ArrayList<>();
        for (P p : ServiceLoader.load(type, loader)) all.add(p);
        all.sort(Comparator.comparingInt(priority).reversed().thenComparing(name));
        return all;
    }

    /** The provider chosen by {@code explicit}, the property and the environment of this process. */
    public P choose(String explicit, List<P> providers) {
        return select(explicit, providers, System.getProperty(Backends.PROPERTY), System.getenv(Backends.ENVIRONMENT));
    }

    /**
     * The selection rule, its inputs explicit.
     *
     * @throws BackendUnavailableException for an unknown name or a provider that cannot run here, saying why and what to do
     */
    public P select(String explicit, List<P> providers, String property, String environment) {
        String chosen = Backends.AUTO;
        for (String c : new String[] {explicit, property, environment}) {
            if (c != null && !c.isBlank()) {
                chosen = c.strip().toLowerCase(Locale.ROOT);
                break;
            }
        }
        boolean auto = chosen.equals(Backends.AUTO);
        String known = providers.stream().map(name).collect(Collectors.joining(", "));
        List<String> skipped = new ArrayList<>();
        for (P p : providers) {
            if (!auto && !name.apply(p).equals(chosen)) continue;
            Availability a = availability.apply(p);
            if (a.available()) {
                if (auto) log.info("{} auto: chose {} ({}){}", what, name.apply(p), a.reason(), skipped.isEmpty() ? "" : "; skipped " + String.join("; ", skipped));
                return p;
            }
            if (!auto) {
                throw new BackendUnavailableException(what + " " + chosen + " cannot run here: " + a.reason()
                        + "; choose another with --backend (" + known + ") or use --backend auto");
            }
            skipped.add(name.apply(p) + ": " + a.reason());
        }
        if (auto) throw new BackendUnavailableException("no " + what + " can run here: " + (skipped.isEmpty() ? "none on the class path" : String.join("; ", skipped)));
        throw new BackendUnavailableException("unknown " + what + " '" + UntrustedText.cap(chosen) + "' (known: " + known + ", auto)"
                + (chosen.equals("cuda") ? "; add org.hybridta:hybridta-cuda to the class path" : ""));
    }
}
