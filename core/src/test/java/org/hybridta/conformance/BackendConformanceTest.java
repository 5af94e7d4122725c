package org.hybridta.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.RandomBars.Kind;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite every {@link ComputeBackend} runs: a backend's values must equal TA-Lib C's
 * ({@link TaLibOracle}) within {@link #tolerance()}, on every indicator of the catalog with its default
 * parameters and on {@link #specs() further parameter sets}, and must have the properties that hold whatever
 * the data.
 *
 * <h2>Tolerance</h2>
 * By default {@link Tolerance#TA_LIB}: where TA-Lib gives no value the backend's value is {@code NaN}, and
 * where it does, {@code |ours - ref| <= 1e-9 * max(|ref|, scale)}, with {@code scale} the output's largest
 * magnitude over the series (integer outputs: none); {@link Tolerance} justifies the floor.
 *
 * <h2>Data</h2>
 * Series of lengths 1, the lookback of every output, one more than each, 1,000 and (random walk only)
 * 100,000 bars, of two kinds ({@link RandomBars.Kind}): a random walk, and cent prices with flat stretches
 * (zero ranges, unchanged closes, zero volume). Then the realistic six-year CSV ({@link RealisticBars}),
 * ragged multi-series panels (lengths 0 and 1 included), constant series and series shorter than the lookback.
 * Generated series are cached for the whole run.
 *
 * <h2>Subclassing</h2>
 * A backend's test extends this class and implements {@link #backend()}, returning one open backend for all
 * tests (open it in a static {@code @BeforeAll}, close it in a static {@code @AfterAll}). To skip the suite
 * where the backend cannot run, put an assumption in that {@code @BeforeAll}, e.g.
 * {@code assumeTrue(available, () -> "skipped: " + reason)}. Override {@link #tolerance()} for another
 * precision. The suite is skipped, with the reason, where TA-Lib C is not installed ({@code scripts/setup.sh}).
 */
@ExtendWith(TaLibCLoaded.class)
public abstract class BackendConformanceTest {

    /** The backend under test: the same open instance on every call. */
    protected abstract ComputeBackend backend();

    /**
     * The specs of {@code specs} the backend {@link ComputeBackend#supports supports}: the suite checks those; a
     * backend's own test checks that it names the others (the CUDA backend's KernelCallTest).
     */
    protected List<Indicator> supported(List<Indicator> specs) {
        return specs.stream().filter(backend()::supports).toList();
    }

    private void assumeSupported(Indicator spec) {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend().supports(spec), () -> backend().name() + " has no kernel for " + spec.spec());
    }

    /** The tolerance against TA-Lib; {@link Tolerance#TA_LIB} unless overridden. */
    protected Tolerance tolerance() {
        return Tolerance.TA_LIB;
    }

    /** Seed of the generated series. */
    private static final long SEED = 20240611L;

    /**
     * Every catalog indicator with its default parameters, then non-default parameter sets: the smallest
     * periods, long periods, MA types, and the special cases (ATR 1 is TRANGE, STOCH 1:1:sma:1 copies fast %K,
     * period 1 of PLUS_DM/PLUS_DI, BBANDS with deviations 1 and asymmetric ones).
     */
    public static List<Indicator> specs() {
        Set<Indicator> all = new LinkedHashSet<>(Indicators.catalog());
        for (String s : List.of("sma:2", "sma:200", "ema:2", "ema:50", "wma:2", "wma:30", "dema:2", "dema:9", "tema:2", "tema:9",
                "rsi:2", "macd:5:35:5", "macd:2:3:2", "macd:26:12:9", "bbands:10:1.5:1.5", "bbands:5:1:1", "bbands:20:2:1:ema",
                "bbands:9:2:2:tema", "atr:1", "atr:2", "stoch:5:3:sma:3", "stoch:1:1:sma:1", "stoch:3:1:sma:4",
                "stoch:14:3:ema:3:wma", "adx:2", "adx:5", "plus_di:1", "minus_di:1", "plus_dm:1", "minus_dm:2", "dx:2",
                "cci:2", "cci:50", "willr:2", "roc:1", "mom:1", "mfi:2", "mfi:30", "sma:20@volume", "minmaxindex:5")) {
            all.add(Indicators.parse(s));
        }
        return List.copyOf(all);
    }

    private static final Map<String, BarSeries> DATA = new ConcurrentHashMap<>();

    /** The generated series of a kind and length, cached across tests (and across subclasses in one JVM). */
    protected static BarSeries data(Kind kind, int length) {
        return DATA.computeIfAbsent(kind + "/" + length, k -> RandomBars.of(kind, "T", SEED + kind.ordinal(), length));
    }

    /** The lengths a spec is tested on: 1, each output's lookback and one more, 1,000 and, for random walks, 100,000. */
    static List<Integer> lengths(Indicator spec, Kind kind) {
        TreeSet<Integer> lengths = new TreeSet<>(List.of(1, 1000));
        for (Output o : spec.outputs()) {
            lengths.add(o.lookback());
            lengths.add(o.lookback() + 1);
        }
        if (kind == Kind.RANDOM_WALK) lengths.add(100_000);
        return List.copyOf(lengths);
    }

    static Stream<Arguments> taLibCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Indicator spec : specs()) {
            for (Kind kind : Kind.values()) {
                for (int n : lengths(spec, kind)) cases.add(Arguments.of(named(spec), kind, n));
            }
        }
        return cases.stream();
    }

    static Stream<Named<Indicator>> allSpecs() {
        return specs().stream().map(BackendConformanceTest::named);
    }

    private static Named<Indicator> named(Indicator spec) {
        return Named.of(spec.spec(), spec);
    }

    /** Checks every output of {@code spec} for one series against TA-Lib. */
    protected void assertMatchesTaLib(String what, Indicator spec, BarSeries series, IndicatorValues values, int s) {
        double[][] ref = TaLibOracle.compute(spec, series);
        List<Output> outputs = spec.outputs();
        for (int k = 0; k < outputs.size(); k++) {
            tolerance().assertMatches(what, spec, k, ref[k], values.series(outputs.get(k).column(), s));
        }
    }

    @ParameterizedTest(name = "{0} on {1}, {2} bars")
    @MethodSource("taLibCases")
    void matchesTaLib(Indicator spec, Kind kind, int length) {
        assumeSupported(spec);
        BarSeries series = data(kind, length);
        IndicatorValues values = backend().compute(series, List.of(spec));
        assertThat(values.columns()).containsExactlyElementsOf(Indicators.columns(List.of(spec)));
        assertMatchesTaLib(spec.spec() + " on " + kind + ", " + length + " bars", spec, series, values, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSpecs")
    void matchesTaLibOnRealisticDailyBars(Indicator spec) {
        assumeSupported(spec);
        BarSeries series = RealisticBars.load();
        assertMatchesTaLib(spec.spec() + " on " + RealisticBars.RESOURCE, spec, series, backend().compute(series, List.of(spec)), 0);
    }

    /** Lengths of the ragged panel: empty, single-bar, around the default lookbacks, and long. */
    private static final int[] RAGGED = {0, 1, 2, 3, 14, 15, 20, 26, 27, 28, 33, 34, 35, 0, 1, 200, 1000, 57, 2500};

    @Test
    void raggedPanelEqualsSeriesOneByOneAndTaLib() {
        List<BarSeries> series = RandomBars.raggedSeries(SEED, RAGGED);
        Panel panel = Panel.of(series);
        List<Indicator> specs = supported(specs());
        IndicatorValues all = backend().compute(panel, specs);
        assertThat(all.columns()).containsExactlyElementsOf(Indicators.columns(specs));
        for (int s = 0; s < series.size(); s++) {
            BarSeries one = series.get(s);
            IndicatorValues alone = backend().compute(one, specs);
            for (Indicator spec : specs) {
                String what = spec.spec() + " on panel series " + s + " (" + one.size() + " bars)";
                for (int k = 0; k < spec.outputs().size(); k++) {
                    String column = spec.outputs().get(k).column();
                    tolerance().assertMatches(what + " vs the series alone", spec, k, alone.series(column, 0), all.series(column, s));
                }
                assertMatchesTaLib(what, spec, one, all, s);
            }
        }
    }

    @Test
    void panelPaddingAfterEachSeriesIsNaN() {
        Panel panel = RandomBars.raggedPanel(SEED, RAGGED);
        IndicatorValues values = backend().compute(panel, supported(specs()));
        for (int c = 0; c < values.columns().size(); c++) {
            for (int s = 0; s < panel.seriesCount(); s++) {
                for (int t = panel.length(s); t < panel.barCount(); t++) {
                    double v = values.get(c, s, t);
                    if (!Double.isNaN(v)) {
                        throw new AssertionError(values.columns().get(c) + " of series " + s + " (" + panel.length(s)
                                + " bars) holds " + v + " at bar " + t + ", after the series' end");
                    }
                }
            }
        }
    }

    @Test
    void outputsAreAsLongAsTheirInputs() {
        Panel panel = RandomBars.raggedPanel(SEED, RAGGED);
        IndicatorValues values = backend().compute(panel, supported(specs()));
        assertThat(values.seriesCount()).isEqualTo(panel.seriesCount());
        assertThat(values.barCount()).isEqualTo(panel.barCount());
        for (int c = 0; c < values.columns().size(); c++) {
            assertThat(values.data(c)).hasSize(panel.seriesCount() * panel.barCount());
            for (int s = 0; s < panel.seriesCount(); s++) {
                assertThat(values.length(s)).isEqualTo(panel.length(s));
                assertThat(values.series(values.columns().get(c), s)).hasSize(panel.length(s));
            }
        }
    }

    static Stream<Arguments> boundedCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String s : List.of("rsi:14", "rsi:2", "stoch:14:3:sma:3", "stoch:1:1:sma:1", "stoch:5:3:sma:3", "willr:14", "willr:2",
                "mfi:14", "mfi:2", "adx:14", "adx:2", "plus_di:14", "minus_di:14", "dx:14")) {
            Indicator spec = Indicators.parse(s);
            for (Kind kind : Kind.values()) cases.add(Arguments.of(named(spec), kind.toString()));
            cases.add(Arguments.of(named(spec), "realistic"));
        }
        return cases.stream();
    }

    /**
     * RSI, STOCH, MFI, ADX and the DIs lie in [0, 100], WILLR in [-100, 0]. The bounds are widened by 1e-9:
     * the running sums of STOCH's SMAs can round a hair beyond a bound.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("boundedCases")
    void oscillatorsStayInTheirRanges(Indicator spec, String data) {
        assumeSupported(spec);
        BarSeries series = switch (data) {
            case "realistic" -> RealisticBars.load();
            case "random walk" -> data(Kind.RANDOM_WALK, 5000);
            default -> data(Kind.FLAT_STRETCHES, 5000);
        };
        double lo = spec.name().equals("willr") ? -100 : 0, hi = lo + 100, slack = 1e-9;
        IndicatorValues values = backend().compute(series, List.of(spec));
        for (String column : values.columns()) {
            double[] v = values.series(column, 0);
            int lookback = spec.outputs().get(values.columnIndex(column)).lookback();
            for (int t = 0; t < v.length; t++) {
                if (t < lookback) {
                    assertThat(v[t]).as("%s at bar %d", column, t).isNaN();
                } else {
                    assertThat(v[t]).as("%s at bar %d", column, t).isBetween(lo - slack, hi + slack);
                }
            }
        }
    }

    /**
     * Averages of a constant series equal the constant (to rounding: TA-Lib's running sums need not be exact for 0.1).
     * Not the outer Bollinger bands: TA-Lib's variance {@code sum2 / n - mean^2} leaves a residue above its 1e-14
     * threshold for most prices (123.456 gives bands 4.7e-6 apart), which TA-Lib C returns and so do we.
     */
    @ParameterizedTest(name = "constant {0}")
    @MethodSource("constants")
    void averagesOfAConstantSeriesEqualIt(double price) {
        BarSeries series = RandomBars.constant("C", price, 500);
        List<Indicator> specs = List.of(Indicators.sma(20), Indicators.sma(2), Indicators.ema(20), Indicators.ema(2),
                Indicators.wma(20), Indicators.wma(2), Indicators.dema(20), Indicators.tema(20), Indicators.bbands(20, 2));
        IndicatorValues values = backend().compute(series, specs);
        for (Indicator spec : specs) {
            for (Output o : spec.outputs()) {
                if (o.name().equals("upperband") || o.name().equals("lowerband")) continue;
                double[] v = values.series(o.column(), 0);
                for (int t = o.lookback(); t < v.length; t++) {
                    assertThat(v[t]).as("%s at bar %d", o.column(), t).isCloseTo(price, within(1e-12 * price));
                }
            }
        }
        // and the oscillators of a constant series are 0 (not CCI: TA-Lib tests the deviation for exact 0, and for a
        // price like 0.1 the rounded mean differs from the price, so TA-Lib's CCI of a constant 0.1 is -66.67)
        IndicatorValues flat = backend().compute(series, supported(List.of(Indicators.rsi(14), Indicators.mom(10), Indicators.roc(10),
                Indicators.atr(14), Indicators.willr(14), Indicators.adx(14))));
        for (String column : flat.columns()) {
            double[] v = flat.series(column, 0);
            for (int t = 0; t < v.length; t++) {
                if (!Double.isNaN(v[t])) assertThat(v[t]).as("%s at bar %d", column, t).isCloseTo(0.0, within(0.0));
            }
        }
    }

    static Stream<Double> constants() {
        return Stream.of(100.0, 0.1, 123.456, 37.25, 1e6);
    }

    /** A series no longer than an output's lookback gives NaN everywhere in it (never an exception). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allSpecs")
    void seriesNoLongerThanTheLookbackAreAllNaN(Indicator spec) {
        assumeSupported(spec);
        int lookback = spec.lookback();
        int[] lengths = new int[lookback + 1];
        for (int i = 0; i <= lookback; i++) lengths[i] = i;
        Panel panel = RandomBars.raggedPanel(SEED, lengths);
        IndicatorValues values = backend().compute(panel, List.of(spec));
        for (int k = 0; k < spec.outputs().size(); k++) {
            Output o = spec.outputs().get(k);
            for (int s = 0; s < panel.seriesCount(); s++) {
                for (int t = 0; t < Math.min(panel.length(s), o.lookback()); t++) {
                    double v = values.get(k, s, t);
                    if (!Double.isNaN(v)) {
                        throw new AssertionError(o.column() + " of a " + panel.length(s) + "-bar series holds " + v
                                + " at bar " + t + ", before its lookback " + o.lookback());
                    }
                }
            }
        }
    }

    /** Bollinger bands are symmetric about the middle band, at k standard deviations. */
    @Test
    void bollingerBandsAreSymmetric() {
        Indicator spec = Indicators.bbands(20, 2.5);
        IndicatorValues v = backend().compute(data(Kind.RANDOM_WALK, 1000), List.of(spec));
        List<Output> o = spec.outputs();
        double[] up = v.series(o.get(0).column(), 0), mid = v.series(o.get(1).column(), 0), low = v.series(o.get(2).column(), 0);
        for (int t = spec.lookback(); t < mid.length; t++) {
            assertThat(up[t] - mid[t]).as("upper - middle at bar %d", t).isCloseTo(mid[t] - low[t], within(1e-9 * mid[t]));
            assertThat(up[t]).isGreaterThan(mid[t]);
        }
    }
}
