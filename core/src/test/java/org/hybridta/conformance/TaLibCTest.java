package org.hybridta.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.hybridta.BarSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The reference itself: TA-Lib C answers the definitions (values computed here from the definitions, in
 * plain loops), its metadata is complete, its lookbacks agree with its calls, and the binding's errors say
 * what was wrong.
 */
@ExtendWith(TaLibCLoaded.class)
class TaLibCTest {
    private static final BarSeries BARS = RandomBars.randomWalk("TEST", 13, 500);
    private static final double[] CLOSE = BARS.close();
    private static final double[] PERIODS = IntStream.range(0, 500).mapToDouble(i -> 2 + i % 9).toArray();   // MAVP

    @Test
    void smaIsTheMeanOfTheLastPeriodValues() {
        int period = 20;
        TaLibCResult r = TaLibC.call("SMA", new double[][] {CLOSE}, period);
        assertThat(r.begIdx()).isEqualTo(period - 1);
        assertThat(r.nbElement()).isEqualTo(CLOSE.length - period + 1);
        double[] sma = r.values(0);
        assertThat(sma).hasSize(CLOSE.length);
        for (int i = 0; i < CLOSE.length; i++) {
            if (i < period - 1) {
                assertThat(sma[i]).as("bar %d", i).isNaN();
            } else {
                assertClose(sma[i], mean(CLOSE, i - period + 1, i + 1), "SMA at bar " + i);
            }
        }
    }

    @Test
    void emaIsSeededWithTheSmaOfTheFirstPeriodValues() {
        int period = 12;
        double[] ema = TaLibC.call("ema", new double[][] {CLOSE}, period).values(0);
        double k = 2.0 / (period + 1);
        double prev = mean(CLOSE, 0, period);
        for (int i = 0; i < CLOSE.length; i++) {
            if (i < period - 1) {
                assertThat(ema[i]).as("bar %d", i).isNaN();
                continue;
            }
            if (i >= period) prev = prev + k * (CLOSE[i] - prev);
            assertClose(ema[i], prev, "EMA at bar " + i);
        }
    }

    @Test
    void bbandsAreTheSmaPlusAndMinusPopulationDeviations() {
        int period = 20;
        double up = 2, down = 1.5;
        TaLibCResult r = TaLibC.call("BBANDS", new double[][] {CLOSE}, period, up, down, 0);   // MA type 0: SMA
        assertThat(r.outputs()).extracting(TaLibCResult.Output::name)
                .containsExactly("outRealUpperBand", "outRealMiddleBand", "outRealLowerBand");
        for (int i = period - 1; i < CLOSE.length; i++) {
            double mean = mean(CLOSE, i - period + 1, i + 1);
            double ss = 0;
            for (int j = i - period + 1; j <= i; j++) ss += (CLOSE[j] - mean) * (CLOSE[j] - mean);
            double sd = Math.sqrt(ss / period);
            assertClose(r.values(0)[i], mean + up * sd, "upper band at bar " + i);
            assertClose(r.values(1)[i], mean, "middle band at bar " + i);
            assertClose(r.values(2)[i], mean - down * sd, "lower band at bar " + i);
        }
        assertThat(r.values(0)[period - 2]).isNaN();
    }

    @Test
    void slowStochasticIsSmaSmoothedFastK() {
        double[] high = BARS.high(), low = BARS.low();
        int fastK = 5, slowK = 3, slowD = 4;
        TaLibCResult r = TaLibC.call("STOCH", new double[][] {high, low, CLOSE}, fastK, slowK, 0, slowD, 0);
        int n = CLOSE.length;
        double[] k = new double[n];
        for (int i = fastK - 1; i < n; i++) {
            double hh = Double.NEGATIVE_INFINITY, ll = Double.POSITIVE_INFINITY;
            for (int j = i - fastK + 1; j <= i; j++) {
                hh = Math.max(hh, high[j]);
                ll = Math.min(ll, low[j]);
            }
            k[i] = 100 * (CLOSE[i] - ll) / (hh - ll);
        }
        int first = fastK - 1 + slowK - 1 + slowD - 1;
        assertThat(r.begIdx()).isEqualTo(first);
        for (int i = first; i < n; i++) {
            double slowKi = mean(k, i - slowK + 1, i + 1);
            double d = 0;
            for (int j = i - slowD + 1; j <= i; j++) d += mean(k, j - slowK + 1, j + 1);
            assertClose(r.values(0)[i], slowKi, "slow %K at bar " + i);
            assertClose(r.values(1)[i], d / slowD, "slow %D at bar " + i);
        }
    }

    @Test
    void minMaxIndexGivesTheBarsOfTheWindowsExtremesAsIntegers() {
        int period = 30;
        TaLibCResult r = TaLibC.call("MINMAXINDEX", new double[][] {CLOSE}, period);
        assertThat(r.outputs()).allMatch(TaLibCResult.Output::isInteger);
        int[] min = r.integers(0), max = r.integers(1);
        for (int i = 0; i < CLOSE.length; i++) {
            if (i < period - 1) {
                assertThat(r.valid(i)).isFalse();
                assertThat(r.values(0)[i]).isNaN();
                continue;
            }
            int lo = i - period + 1, hi = lo;
            for (int j = i - period + 1; j <= i; j++) {
                if (CLOSE[j] < CLOSE[lo]) lo = j;
                if (CLOSE[j] > CLOSE[hi]) hi = j;
            }
            assertThat(r.valid(i)).isTrue();
            assertThat(min[i]).as("min index at bar %d", i).isEqualTo(lo);
            assertThat(max[i]).as("max index at bar %d", i).isEqualTo(hi);
            assertThat(r.values(1)[i]).isEqualTo(hi);
        }
    }

    @Test
    void theAbstractInterfaceListsTheWholeCatalog() {
        List<String> names = TaLibC.functionNames();
        assertThat(TaLibC.version()).startsWith("0.6.0");
        assertThat(names).hasSize(161).doesNotHaveDuplicates().contains("SMA", "MACD", "HT_TRENDMODE", "CDLENGULFING", "IMI", "ACCBANDS");
        for (String name : names) {
            TaLibCMeta meta = TaLibC.meta(name);
            assertThat(meta.name()).isEqualTo(name);
            assertThat(meta.group()).as(name).isNotBlank();
            assertThat(meta.inputs()).as(name).isNotEmpty();
            assertThat(meta.outputs()).as(name + "'s outputs").isNotEmpty();
            for (TaLibCMeta.OptInput opt : meta.optInputs()) {
                assertThat(opt.defaultValue()).as(name + "." + opt.name()).isBetween(opt.min(), opt.max());
            }
        }
    }

    @Test
    void metadataIsTaLibsOwn() {
        TaLibCMeta sma = TaLibC.meta("sma");
        assertThat(sma.group()).isEqualTo("Overlap Studies");
        assertThat(sma.series()).containsExactly("real");
        assertThat(sma.optInputs()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("optInTimePeriod");
            assertThat(p.type()).isEqualTo(TaLibCMeta.OptInputType.INTEGER_RANGE);
            assertThat(p.defaultValue()).isEqualTo(30);
            assertThat(p.min()).isEqualTo(2);
            assertThat(p.max()).isEqualTo(100000);
        });
        TaLibCMeta stoch = TaLibC.meta("STOCH");
        assertThat(stoch.series()).containsExactly("high", "low", "close");
        assertThat(stoch.optInputs().get(2).choices()).extracting(TaLibCMeta.Choice::name)
                .containsExactly("SMA", "EMA", "WMA", "DEMA", "TEMA", "TRIMA", "KAMA", "MAMA", "T3");
        assertThat(TaLibC.meta("CORREL").series()).containsExactly("real0", "real1");
        assertThat(TaLibC.meta("MAVP").series()).containsExactly("real", "periods");
        assertThat(TaLibC.meta("OBV").series()).containsExactly("real", "volume");
        assertThat(TaLibC.meta("MINMAXINDEX").outputs()).extracting(TaLibCMeta.Output::isInteger).containsExactly(true, true);
        assertThat(TaLibC.meta("CDLDOJI").flags()).contains(TaLibCMeta.Flag.CANDLESTICK);
    }

    @Test
    void everyFunctionsFirstValueIsAtItsLookback() {
        for (String name : TaLibC.functionNames()) {
            TaLibCMeta meta = TaLibC.meta(name);
            TaLibCResult r = TaLibC.call(name, TaLibC.inputs(meta, BARS, Map.of("periods", PERIODS)));
            int lookback = TaLibC.lookback(name);
            assertThat(r.nbElement()).as(name + " with its defaults on " + CLOSE.length + " bars").isPositive();
            assertThat(r.begIdx()).as(name + "'s begIdx").isEqualTo(lookback);
            assertThat(r.end()).as(name).isEqualTo(CLOSE.length);
        }
        assertThat(TaLibC.lookback("SMA", 20)).isEqualTo(19);
        assertThat(TaLibC.lookback("MACD")).isEqualTo(33);        // 26 - 1 + 9 - 1, TA-Lib's defaults 12/26/9
        assertThat(TaLibC.lookback("SMA", 1)).as("a period below TA-Lib's range").isEqualTo(-1);
    }

    @Test
    void theUnstableFunctionsAreThoseTaLibFlags() {
        List<String> flagged = TaLibC.functionNames().stream()
                .filter(n -> TaLibC.meta(n).flags().contains(TaLibCMeta.Flag.UNSTABLE_PERIOD)).toList();
        assertThat(TaLibC.unstableFunctions()).containsExactlyInAnyOrderElementsOf(flagged);
        for (String name : flagged) assertThat(TaLibC.unstablePeriod(name)).as(name).isZero();
    }

    @Test
    @ResourceLock(TaLibC.SETTINGS)
    void settingsChangeTheResultsUntilRestored() {
        int plain = TaLibC.lookback("EMA", 10);
        TaLibC.setUnstablePeriod("EMA", 7);
        try {
            assertThat(TaLibC.lookback("EMA", 10)).isEqualTo(plain + 7);
        } finally {
            TaLibC.setUnstablePeriod("EMA", 0);
        }
        assertThat(TaLibC.lookback("EMA", 10)).isEqualTo(plain);

        double[][] ohlc = {BARS.open(), BARS.high(), BARS.low(), CLOSE};
        int dojis = count(TaLibC.call("CDLDOJI", ohlc).integers(0));
        TaLibC.setCandleSetting(TaLibC.CandleSetting.BODY_DOJI, TaLibC.CandleRange.HIGH_LOW, 10, 1.0);
        try {
            assertThat(count(TaLibC.call("CDLDOJI", ohlc).integers(0))).isGreaterThan(dojis);
        } finally {
            TaLibC.restoreCandleDefaults();
        }
        assertThat(count(TaLibC.call("CDLDOJI", ohlc).integers(0))).isEqualTo(dojis);
    }

    @Test
    void shortAndEmptySeriesHaveNoValues() {
        TaLibCResult shortOne = TaLibC.call("SMA", new double[][] {{1, 2, 3}}, 5);
        assertThat(shortOne.nbElement()).isZero();
        assertThat(shortOne.values(0)).containsOnly(Double.NaN);
        assertThat(TaLibC.call("SMA", new double[][] {{}}, 5).values(0)).isEmpty();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> TaLibC.meta("NOPE")).hasMessageContaining("no function \"NOPE\"");
        assertThatThrownBy(() -> TaLibC.call("CORREL", new double[][] {CLOSE}))
                .hasMessage("CORREL takes 2 input series [real0, real1], got 1");
        assertThatThrownBy(() -> TaLibC.call("SMA", new double[][] {CLOSE}, 2.5))
                .hasMessage("SMA: optInTimePeriod takes an integer, got 2.5");
        assertThatThrownBy(() -> TaLibC.call("SMA", new double[][] {CLOSE}, 1))
                .hasMessageContaining("SMA(optInTimePeriod=1)").hasMessageContaining("TA_BAD_PARAM");
        assertThatThrownBy(() -> TaLibC.call("SMA", new double[][] {CLOSE}, 5, 6))
                .hasMessageContaining("SMA takes 1 optional inputs");
        assertThatThrownBy(() -> TaLibC.call("ADD", new double[][] {CLOSE, {1, 2}}))
                .hasMessageContaining("series real1 has 2 values");
        assertThatThrownBy(() -> TaLibC.setUnstablePeriod("SMA", 3)).hasMessageContaining("SMA has no unstable period");
    }

    @Test
    void aPreparedCallRunsAgainOnNewInputs() {
        try (TaLibCCall sma = TaLibC.prepare("SMA", 4, 2)) {
            assertThatThrownBy(sma::run).hasMessageContaining("input series real was not set");
            sma.input(0, new double[] {1, 2, 3, 4}).run();
            assertThat(sma.result().values(0)).containsExactly(Double.NaN, 1.5, 2.5, 3.5);
            sma.input(0, new double[] {2, 2, 0, 0}).run();
            assertThat(sma.result().values(0)).containsExactly(Double.NaN, 2, 1, 0);
            sma.close();
            assertThatThrownBy(sma::run).hasMessageContaining("closed");
        }
    }

    @Test
    void callsOnManyThreadsGiveTheSameValuesAsOneByOne() throws Exception {
        List<String> functions = List.of("SMA", "RSI", "MACD", "BBANDS", "HT_SINE", "MINMAXINDEX", "KAMA", "T3");
        Map<String, TaLibCResult> alone = new HashMap<>();
        for (String f : functions) alone.put(f, TaLibC.call(f, TaLibC.inputs(TaLibC.meta(f), BARS, Map.of())));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 25; round++) {
                        for (String f : functions) {
                            TaLibCResult r = TaLibC.call(f, TaLibC.inputs(TaLibC.meta(f), BARS, Map.of()));
                            for (int o = 0; o < r.outputs().size(); o++) {
                                assertThat(r.values(o)).as(f).containsExactly(alone.get(f).values(o));
                            }
                        }
                    }
                }));
            }
            for (Future<?> run : runs) run.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCacheFolderFollowsTheXdgRule() {
        assertThat(TaLibC.cacheRoot(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/hybridta"));
        assertThat(TaLibC.cacheRoot(Map.of("XDG_CACHE_HOME", "/var/c"), "/home/ann")).isEqualTo(Path.of("/var/c/hybridta"));
        assertThat(TaLibC.cacheRoot(Map.of("XDG_CACHE_HOME", "rel"), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/hybridta"));
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i];
        return s / (to - from);
    }

    private static int count(int[] pattern) {
        int n = 0;
        for (int v : pattern) if (v != 0) n++;
        return n;
    }

    private static void assertClose(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
    }
}
