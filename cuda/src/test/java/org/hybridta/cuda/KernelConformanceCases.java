package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.BarSeries;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.conformance.CandleBars;
import org.hybridta.conformance.CandleSettingSets;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the catalog: every function with a CUDA kernel (its default spec and the conformance suite's further specs)
 * against the CPU backend, on the series the CPU conformance suite uses (a random walk and cent prices with flat
 * stretches of 1,000 bars, the same seeds; its ragged panel of lengths 0 to 2,500; a 100,000-bar walk), within
 * {@link Compare}'s tolerance: 1e-12 relative in double (the kernels repeat the CPU's operations in its order, with no
 * fused multiply-adds; the math transforms through CUDA's libm differ by a few ulps at most, far inside it), and the
 * double result rounded once in float (2^-24 relative, inside 1e-5). Subclasses run it on the GPU and on the CPU
 * emulator of the kernels.
 */
abstract class KernelConformanceCases {
    /** BackendConformanceTest's seed and ragged lengths. */
    static final long SEED = 20240611L;
    static final int[] RAGGED = {0, 1, 2, 3, 14, 15, 20, 26, 27, 28, 33, 34, 35, 0, 1, 200, 1000, 57, 2500};

    static ComputeBackend cpu;

    @BeforeAll static void openCpu() { cpu = Backends.open("cpu"); }

    @AfterAll static void closeCpu() { if (cpu != null) cpu.close(); }

    /** The backend under test in the given precision. */
    abstract ComputeBackend backend(Precision precision);

    /** The precisions to check. */
    List<Precision> precisions() { return List.of(Precision.DOUBLE, Precision.FLOAT); }

    /**
     * Further parameter sets of the trend family (trend.cuh): short and long periods (rings in shared and in global memory;
     * AROON 50 and MINMAXINDEX 60 with tiles and rings together above 48 KB of shared memory), TA-Lib's period-1 forms, SAR
     * factors above their maximum, SAREXT with start values, offsets and its own factors.
     */
    static final String TREND_SPECS = "adx:3,adxr:2,adxr:5,dx:5,plus_di:2,minus_di:1,plus_dm:2,minus_dm:1,aroon:2,aroon:30,aroon:50,aroon:200,"
            + "aroonosc:3,maxindex:2,minindex:9,minmaxindex:2,minmaxindex:60,maxindex:300,sar:0.05:0.1,sar:0.3:0.2,sarext:50:0.01:0.02:0.03:0.25:0.01:0.04:0.3,"
            + "sarext:-50:0:0.3:0.02:0.2:0.02:0.5:0.2,sarext:0:0.02:0.02:0.02:0.2:0.02:0.02:0.2,beta:1,beta:14,correl:1,correl:10,"
            + "imi:2,imi:30,avgdev:2,avgdev:50,accbands:2,accbands:300,macdfix:2,macdfix:20";

    /**
     * Every catalog spec and conformance spec that has a kernel, at least one per function with a kernel; with
     * {@code -Dhybridta.kernel.functions=adx,sar,...} only those functions' (to iterate on a few kernels).
     */
    static List<Indicator> specs() {
        Set<Indicator> all = new LinkedHashSet<>(Indicators.catalog());
        all.addAll(BackendConformanceTest.specs());
        all.addAll(Indicators.parseList(TREND_SPECS));
        all.addAll(Indicators.parseList(String.join(",", MA_TYPE_SPECS)));
        return only(CudaSpecs.withKernel(new ArrayList<>(all)));
    }

    /** Whether {@code -Dhybridta.kernel.functions} names the functions to test. */
    static boolean filtered() {
        return !System.getProperty("hybridta.kernel.functions", "").isBlank();
    }

    /** {@code specs}, or with {@code -Dhybridta.kernel.functions=adx,sar,...} only those functions' (to iterate on a few kernels). */
    static List<Indicator> only(List<Indicator> specs) {
        if (!filtered()) return specs;
        String only = System.getProperty("hybridta.kernel.functions").trim();
        Set<String> names = Set.of(only.split("\\s*,\\s*"));
        return specs.stream().filter(i -> names.contains(i.name())).toList();
    }

    /**
     * Moving averages of every type (averages.cuh): MA itself over each type and edge periods (1 copies; TRIMA's odd
     * and even), and each function with MA-type parameters over several types, swapped periods included. MAVP reads its
     * periods from the close, which on the random walks wanders about 40 to 250 (clamped into each spec's range).
     */
    static final List<String> MA_TYPE_SPECS = List.of(
            "ma:10:sma", "ma:10:ema", "ma:10:wma", "ma:10:dema", "ma:10:tema", "ma:10:trima", "ma:10:kama", "ma:10:mama", "ma:10:t3",
            "ma:1:ema", "ma:1:mama", "ma:2:trima", "ma:7:trima", "ma:2:kama", "ma:2:t3", "ma:2:wma", "ma:2:dema", "ma:200:sma",
            "trima:2", "trima:9", "kama:2", "kama:10", "t3:2:0.5", "t3:9:0", "t3:5:1", "mama:0.3:0.1", "mama:0.99:0.01",
            "macdext:12:ema:26:ema:9:ema", "macdext:26:kama:12:wma:9:t3", "macdext:5:mama:10:trima:3:dema", "macdext:12:sma:12:tema:1:sma",
            "macdext:3:t3:4:kama:5:mama",
            "stochf:14:3:ema", "stochf:5:1:kama", "stochf:1:4:tema", "stochf:5:5:mama",
            // MA of its own types and STOCHF with an SMA %D run on other functions' kernels (KernelCall.sameKernelAs)
            "stochf:14:3:sma", "stochf:5:1:sma", "stochf:1:1:sma", "stochf:1:4:sma", "ma:30:tema@high", "ma:25:sma@volume", "ma:3:ema",
            "stochrsi:9:3:5:t3", "stochrsi:2:1:1:ema", "stochrsi:14:14:3:mama", "stochrsi:5:5:4:trima",
            "bbands:20:2:1", "bbands:20:2:1:ema", "bbands:10:1.5:2.5:kama", "bbands:5:2:2:mama", "bbands:8:2:2:t3", "bbands:9:1:2:wma",
            "bbands:6:2:2:dema", "bbands:7:2:3:trima",
            "stoch:5:3:kama:3:mama", "stoch:5:2:trima:4:t3", "stoch:5:3:dema:3:tema", "stoch:1:1:ema:1:sma", "stoch:3:1:sma:4:wma",
            "mavp:2:30:sma", "mavp:80:120:ema", "mavp:90:110:kama", "mavp:95:105:t3", "mavp:90:110:trima", "mavp:95:105:wma",
            "mavp:97:103:dema", "mavp:97:103:tema", "mavp:5:10:mama", "mavp:100:100:sma",
            "apo:12:26:trima", "apo:5:10:kama", "ppo:12:26:t3", "ppo:26:12:mama", "apo:3:9:wma", "ppo:3:9:dema", "apo:4:8:tema");

    static List<Panel> panels() {
        return List.of(
                Panel.of(List.of(RandomBars.of(RandomBars.Kind.RANDOM_WALK, "W", SEED + RandomBars.Kind.RANDOM_WALK.ordinal(), 1000),
                        RandomBars.of(RandomBars.Kind.FLAT_STRETCHES, "F", SEED + RandomBars.Kind.FLAT_STRETCHES.ordinal(), 1000))),
                RandomBars.raggedPanel(SEED, RAGGED),
                Panel.of(List.of(RandomBars.of(RandomBars.Kind.RANDOM_WALK, "L", SEED + RandomBars.Kind.RANDOM_WALK.ordinal(), 100_000))));
    }

    @Test void everyFunctionWithAKernelEqualsTheCpu() {
        List<Indicator> specs = specs();
        Set<String> functions = new TreeSet<>();
        for (Indicator s : specs) functions.add(s.name());
        System.out.println(getClass().getSimpleName() + ": " + functions.size() + " functions, " + specs.size() + " specs: " + functions);
        List<String> failures = new ArrayList<>();
        for (Panel p : panels()) {
            var expected = cpu.compute(p, specs);
            for (Precision precision : precisions()) {
                long t0 = System.nanoTime();
                var actual = backend(precision).compute(p, specs);
                int before = failures.size();
                for (String f : Compare.check(specs, actual, expected, precision == Precision.FLOAT ? 0x1p-24 : 0)) {
                    failures.add(precision + ", " + p.seriesCount() + " x " + p.barCount() + ": " + f);
                }
                // progress, so that a run cut short still says which panels passed
                System.out.printf(java.util.Locale.ROOT, "%s: %s, %d x %d: %d failures, %.1f s%n", getClass().getSimpleName(), precision,
                        p.seriesCount(), p.barCount(), failures.size() - before, (System.nanoTime() - t0) / 1e9);
            }
        }
        assertThat(failures).isEmpty();
    }

    // ---------------------------------------------------------------- the candlestick patterns (cuda-cdl)

    /** TA-Lib's default candle settings and others: other periods, factors and range types; periods 0; long averages. */
    static final List<CandleSettings> PATTERN_SETTINGS = List.of(CandleSettings.defaults(), CandleSettingSets.OTHER,
            CandleSettingSets.OWN_CANDLE, CandleSettingSets.LONG_AVERAGES);

    /** The candlestick patterns with a kernel, at their defaults and with other penetrations. */
    static List<Indicator> patternSpecs() {
        List<Indicator> specs = new ArrayList<>();
        for (Indicator ind : specs()) {
            if (!KernelCall.isPattern(ind)) continue;
            specs.add(ind);
            if (ind.spec().contains(":")) {
                for (String p : new String[] {"0", "0.75"}) specs.add(Indicators.parse(ind.name() + ":" + p));
            }
        }
        return specs;
    }

    /**
     * The candlestick patterns on series that contain them (core's {@link CandleBars}; the random walks of
     * {@link #panels()} rarely do), ragged (lengths 0 to 3,000, some just at or past a lookback), on cent prices with
     * flat stretches and on volatile candles whose averages round (where a roll adding in another order than TA-Lib's
     * fails), at TA-Lib's default candle settings and at three others ({@link #PATTERN_SETTINGS}): every signal equals
     * the CPU's, and at the defaults every pattern fires somewhere, so that the comparison is not of zeros only.
     */
    @Test void everyPatternEqualsTheCpuOnCandleBars() {
        List<Indicator> specs = only(patternSpecs());
        boolean all = !filtered();  // else -Dhybridta.kernel.functions may ask for a few, or none
        org.junit.jupiter.api.Assumptions.assumeTrue(!specs.isEmpty(), "no pattern among -Dhybridta.kernel.functions");
        if (all) assertThat(specs.stream().map(Indicator::name).distinct().count()).as("patterns with a kernel").isEqualTo(61);
        int[] lengths = {3000, 0, 1, 5, 11, 12, 13, 40, 2999, 1000};
        List<BarSeries> series = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) series.add(CandleBars.of("C" + i, SEED + i, lengths[i]));
        // cent prices with flat stretches (candles of no body and no range) and runs of one close
        series.add(RandomBars.of(RandomBars.Kind.FLAT_STRETCHES, "F", SEED, 3000));
        // volatile candles (ranges of tens of percent, prices in full binary precision) with flat stretches: the averages'
        // totals round at every addition, so their last bits depend on the order of the additions, and in a flat stretch
        // a total is the rounding residue alone, whose sign decides a doji; only TA-Lib's order gives the CPU's signals
        for (int i = 0; i < 2; i++) series.add(volatileWithFlats("V" + i, SEED + i, 3000));
        Panel panel = Panel.of(series);
        List<String> failures = new ArrayList<>();
        try {
            for (CandleSettings settings : PATTERN_SETTINGS) {
                CandleSettings.use(settings);
                var expected = cpu.compute(panel, specs);
                if (settings == CandleSettings.defaults()) {
                    for (int c = 0; c < specs.size(); c++) {
                        if (!Indicators.catalog().contains(specs.get(c))) continue;  // defaults only: deeper penetrations may not fire
                        long fires = java.util.Arrays.stream(expected.data(c)).filter(v -> v != 0 && !Double.isNaN(v)).count();
                        assertThat(fires).as("bars where %s fires in the candle bars", specs.get(c).spec()).isPositive();
                    }
                }
                for (Precision precision : precisions()) {
                    var actual = backend(precision).compute(panel, specs);
                    for (String f : Compare.check(specs, actual, expected, precision == Precision.FLOAT ? 0x1p-24 : 0)) {
                        failures.add(precision + ", candle settings " + PATTERN_SETTINGS.indexOf(settings) + ": " + f);
                    }
                }
            }
        } finally {
            CandleSettings.use(CandleSettings.defaults());
        }
        assertThat(failures).isEmpty();
    }

    /**
     * {@code n} candles opening around 1 (log-normal), moving 20% (log-normal) and reaching 20% further, with stretches of
     * 10 to 30 candles of one price (o = h = l = c) starting one bar in 20.
     */
    static BarSeries volatileWithFlats(String symbol, long seed, int n) {
        java.util.Random r = new java.util.Random(seed);
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        double price = 1;
        int flat = 0;
        for (int t = 0; t < n; t++) {
            v[t] = 1000;
            if (flat == 0 && r.nextInt(20) == 0) flat = 10 + r.nextInt(21);
            if (flat > 0) {
                flat--;
                o[t] = h[t] = l[t] = c[t] = price;
                continue;
            }
            o[t] = Math.exp(0.5 * r.nextGaussian());
            c[t] = o[t] * Math.exp(0.2 * r.nextGaussian());
            h[t] = Math.max(o[t], c[t]) * (1 + 0.2 * Math.abs(r.nextGaussian()));
            l[t] = Math.min(o[t], c[t]) * (1 - Math.min(0.9, 0.2 * Math.abs(r.nextGaussian())));
            price = c[t];
        }
        return BarSeries.of(symbol, RandomBars.weekdays(n), o, h, l, c, null, v);
    }
}
