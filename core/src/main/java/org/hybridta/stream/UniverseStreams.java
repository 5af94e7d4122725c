package org.hybridta.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ProviderChoice;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * Opens {@link UniverseStream}s on a backend chosen by the compute backends' rule: the name given (unless
 * {@code null} or {@code auto}), else the system property {@value Backends#PROPERTY}, else
 * {@value Backends#ENVIRONMENT}, else the available implementation of highest priority that computes every
 * indicator asked for ({@code cuda} above {@code cpu}). One named explicitly that cannot run fails with the reason.
 *
 * <pre>{@code
 * try (UniverseStream u = UniverseStreams.builder().symbols(symbols).indicators("rsi,macd").backend("cpu").build()) {
 *     TickValues v = u.tick(Tick.wrap(open, high, low, close, volume));   // arrays by symbol
 *     double rsi = v.get(symbol, 0);
 * }
 * }</pre>
 */
public final class UniverseStreams {
    private UniverseStreams() {}

    /** A builder of a universe stream. */
    public static Builder builder() { return new Builder(); }

    /** Every implementation on the class path, highest priority first. */
    public static List<UniverseStreamProvider> providers() {
        return choice(List.of()).providers(UniverseStreamProvider.class, UniverseStreams.class.getClassLoader());
    }

    /**
     * The implementation {@code name} ({@code cpu}, {@code cuda}, {@code auto} or null) that would open a stream of these indicators.
     *
     * @throws BackendUnavailableException for an unknown name or one that cannot run here, saying why and what to do
     */
    public static UniverseStreamProvider choose(String name, List<Indicator> indicators) {
        return choice(indicators).choose(name, providers());
    }

    static UniverseStreamProvider select(String explicit, List<UniverseStreamProvider> providers, List<Indicator> indicators, String property, String environment) {
        return choice(indicators).select(explicit, providers, property, environment);
    }

    private static ProviderChoice<UniverseStreamProvider> choice(List<Indicator> indicators) {
        return new ProviderChoice<>("universe stream", UniverseStreamProvider::name, UniverseStreamProvider::priority,
                p -> p.supports(indicators) ? p.availability() : Availability.no("it does not stream "
                        + String.join(", ", indicators.stream().filter(i -> !p.supports(List.of(i))).map(Indicator::spec).toList())));
    }

    /** Collects the symbols, indicators, backend and options of a universe stream. */
    public static final class Builder {
        private List<String> symbols = List.of();
        private List<Indicator> indicators = List.of();
        private String backend;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int device;
        private final Map<String, BarSeries> history = new LinkedHashMap<>();

        private Builder() {}

        /** The symbols, in the order of the ticks' arrays. */
        public Builder symbols(List<String> symbols) {
            this.symbols = List.copyOf(symbols);
            return this;
        }

        /** The indicators. */
        public Builder indicators(List<Indicator> indicators) {
            this.indicators = List.copyOf(indicators);
            return this;
        }

        /** The indicators in text form, comma-separated ({@code "rsi,macd:12:26:9"}). */
        public Builder indicators(String specs) {
            return indicators(Indicators.parseList(specs));
        }

        /** The backend: {@code cpu}, {@code cuda} or {@code auto} (the default: the property, the environment, then the best available). */
        public Builder backend(String backend) {
            this.backend = backend;
            return this;
        }

        /** How many threads the CPU may use (default: the available processors); 1 ticks on the caller's thread. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The GPU a device backend computes on (default 0). */
        public Builder device(int device) {
            this.device = device;
            return this;
        }

        /** Past bars of one symbol, to seed its state with before the first tick (a warm start). */
        public Builder history(BarSeries series) {
            history.put(series.symbol(), Objects.requireNonNull(series, "series"));
            return this;
        }

        /** Past bars of several symbols. */
        public Builder history(Iterable<BarSeries> series) {
            for (BarSeries s : series) history(s);
            return this;
        }

        /**
         * Opens the stream.
         *
         * @throws IllegalArgumentException    for no symbols, a symbol listed twice, no indicators, or history of an unknown symbol
         * @throws BackendUnavailableException if the backend named cannot run here (or is unknown)
         */
        public UniverseStream build() {
            UniverseSpec spec = new UniverseSpec(symbols, indicators, threads, device, history);
            return choose(backend, spec.indicators()).open(spec);
        }
    }
}
