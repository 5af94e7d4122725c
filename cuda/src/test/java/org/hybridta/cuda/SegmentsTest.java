package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time segments: the plan, and the halos. A segment computes its bars as the series restarted at
 * {@code start = floor((t0 - halo) / align) * align}; the CPU backend (TA-Lib's arithmetic, which the kernels
 * repeat) run on the series cut at that bar must therefore give the whole series' values on the segment. Runs
 * without a GPU; the kernels themselves are checked on the GPU ({@link SegmentedPathGpuTest}) and on the CPU
 * emulator ({@link EmulatedKernelsTest}).
 */
class SegmentsTest {
    private static ComputeBackend cpu;

    @BeforeAll static void open() { cpu = Backends.open("cpu"); }

    @AfterAll static void close() { cpu.close(); }

    /** The brief's set and the conformance suite's parameter sets. */
    static List<Indicator> specs() {
        List<Indicator> all = new ArrayList<>(CudaSpecs.conformance());
        for (String s : List.of("ema:200", "willr:50", "bbands:50:2.5:2.5", "rsi:30", "tema:30", "cci:100", "stoch:30:5:sma:4")) {
            all.add(Indicators.parse(s));
        }
        return all;
    }

    @Test void theRunningSumsAreNeverSegmentedTheOthersAre() {
        for (Indicator ind : specs()) {
            boolean sums = switch (ind.name()) {
                case "sma", "wma", "bbands", "mfi", "obv", "sum", "var", "stddev", "ad", "adosc", "apo", "ppo", "ultosc" -> true;
                case "natr", "cmo" -> true;   // Wilder averages, which would need a reach-back span over flat stretches
                // the trend family's recursions, tracked bars and running sums (ADX: two Wilder decays with a reach-back span)
                case "plus_dm", "minus_dm", "plus_di", "minus_di", "dx", "adxr", "sar", "sarext", "maxindex", "minindex", "minmaxindex",
                     "beta", "correl", "imi", "accbands" -> true;
                // moving averages of any type and the Hilbert transform: states carried from bar 0 (averages.cuh, cycle.cuh)
                case "ma", "mavp", "trima", "kama", "t3", "mama", "macdext", "stochf", "stochrsi", "ht_dcperiod", "ht_dcphase", "ht_phasor",
                     "ht_sine", "ht_trendline", "ht_trendmode" -> true;
                case "stoch" -> KernelCall.of(ind).kernel().startsWith("stoch_ma");   // its other MA types' averages
                case "cdlengulfing", "cdl3outside" -> false;   // the patterns without candle averages or state: windows
                default -> KernelCall.isPattern(ind);   // the other patterns' candle averages: running totals
            };
            assertThat(Segments.halo(ind) < 0).as(ind.spec()).isEqualTo(sums);
            Segments s = Segments.plan(KernelCall.of(ind), 1, 100_000, 2000, 0);
            // a spec on another function's kernel (KernelCall.sameKernelAs: an MA of EMA, STOCHF with an SMA) is cut as that function
            boolean routed = KernelCall.sameKernelAs(ind) != null && KernelCall.of(ind).halo() >= 0;
            assertThat(s.count() > 1).as(ind.spec()).isEqualTo((!sums || routed) && KernelCall.of(ind).globalRingDoubles() == 0);
        }
    }

    @Test void haloIsTheLookbackForWindowsAndTheDecayForAverages() {
        assertThat(Segments.halo(Indicators.willr(14))).isEqualTo(13);
        assertThat(Segments.halo(Indicators.stoch(14, 3, 3))).isEqualTo(13 + 2 + 2);
        assertThat(Segments.halo(Indicators.mom(10))).isEqualTo(10);
        assertThat(Segments.halo(Indicators.trange())).isEqualTo(1);
        assertThat(Segments.align(Indicators.cci(20))).isEqualTo(20);
        assertThat(Segments.align(Indicators.ema(20))).isEqualTo(1);
        // EMA 20: (1 - 2/21)^k <= 2^-100 from k = 693 on
        assertThat(Segments.decay(2.0 / 21, 1)).isEqualTo((int) Math.ceil(100 * Math.log(2) / -Math.log1p(-2.0 / 21)));
        assertThat(Segments.halo(Indicators.ema(20))).isEqualTo(19 + Segments.decay(2.0 / 21, 1));
        // chained averages need more than one
        assertThat(Segments.decay(0.1, 2)).isGreaterThan(Segments.decay(0.1, 1));
        // ADX 14: its lookback 27, then Wilder's decay of the moves and ranges and of DX
        assertThat(Segments.halo(Indicators.adx(14))).isEqualTo(27 + Segments.decay(1.0 / 14, 2));
        assertThat(Segments.decay(0.1, 3)).isGreaterThan(Segments.decay(0.1, 2));
        assertThat(Segments.halo(Indicators.rsi(14))).isEqualTo(14 + Segments.decay(1.0 / 14, 1));
        assertThat(Segments.decay(1.0, 1)).isZero();  // a = 1 (Wilder 1): no memory
    }

    @Test void planFillsTheDeviceOnceWithSegmentsOfAtLeastTwiceTheHalo() {
        KernelCall ema = KernelCall.of(Indicators.ema(20));
        int halo = ema.halo();
        Segments s = Segments.plan(ema, 313, 25_000, 2244, 0);  // 10,000 series on an H100
        assertThat(s.count()).isEqualTo(7);
        assertThat(s.length() * s.count()).isGreaterThanOrEqualTo(25_000);
        assertThat(s.length() * (s.count() - 1)).isLessThan(25_000);
        assertThat(s.halo()).isEqualTo(halo);
        // one series: as many segments as the halo allows
        Segments one = Segments.plan(ema, 1, 100_000, 2244, 0);
        assertThat(one.count()).isEqualTo(100_000 / (2 * halo));
        assertThat(one.length()).isGreaterThanOrEqualTo(2 * halo);
        // windows: down to MIN_SEGMENT_BARS
        Segments w = Segments.plan(KernelCall.of(Indicators.willr(14)), 1, 100_000, 2244, 0);
        assertThat(w.count()).isEqualTo(100_000 / Segments.MIN_SEGMENT_BARS);
        // a full device or short series: one segment
        assertThat(Segments.plan(ema, 3000, 25_000, 2244, 0).count()).isEqualTo(1);
        assertThat(Segments.plan(ema, 1, 2 * halo - 1, 2244, 0).count()).isEqualTo(1);
        assertThat(Segments.plan(KernelCall.of(Indicators.willr(14)), 1, 511, 2244, 0).count()).isEqualTo(1);
        // forced counts are honoured for segmentable kernels only, without empty segments
        Segments f = Segments.plan(ema, 1, 1000, 2244, 7);
        assertThat(f.count()).isEqualTo(7);
        assertThat(f.length()).isEqualTo(143);
        assertThat(Segments.plan(ema, 1, 10, 2244, 1000).count()).isEqualTo(10);
        assertThat(Segments.plan(KernelCall.of(Indicators.sma(20)), 1, 100_000, 2244, 50).count()).isEqualTo(1);
        // a ring in global memory is per group: one segment
        assertThat(Segments.plan(KernelCall.of(Indicators.cci(1000)), 1, 100_000, 2244, 0).count()).isEqualTo(1);
    }

    /**
     * The halo's promise, on fresh random walks that collapse from tens to the 0.5 price floor and have flat
     * stretches (the cases where a restart's error decays slowest): at segment starts every 997 bars, the series
     * restarted where the segment's computation starts gives the whole series' values: bit for bit for windows
     * and lags; for the recursive averages within 1e-12 everywhere and bit for bit almost everywhere (the two
     * runs' states merge; a stress run over 91 million bars found 17 values differing, all of magnitude below
     * 1e-14, where Wilder states had decayed towards zero); for STOCH's restarted sums within 1e-12 of its range.
     */
    @Test void aRestartAtTheHaloRepeatsTheWholeSeries() {
        long seed = System.nanoTime();
        List<String> failures = new ArrayList<>();
        // within 1e-12 everywhere, flat stretches longer than the halo included
        long[] withLongFlats = restarts(RandomPanels.of(seed, 2, 40_000, false, true), seed, failures);
        // and bit for bit almost everywhere else (in a long flat stretch an EMA restarted from the flat price holds
        // it exactly, where the whole-series one may stay an ulp away)
        long[] counts = restarts(RandomPanels.of(seed, 2, 40_000, false, false), seed, failures);
        assertThat(failures).isEmpty();
        assertThat(withLongFlats[0]).isPositive();
        assertThat((double) counts[1] / counts[0]).as("share of the averages' values equal bit for bit (seed %d)", seed).isGreaterThan(0.9999);
    }

    /** Restarts every segmentable spec at bars 997, 1994, ...; adds differences beyond tolerance; returns {values, equal bit for bit} of the averages. */
    private static long[] restarts(Panel p, long seed, List<String> failures) {
        long averaged = 0, averagedSame = 0;
        for (Indicator ind : specs()) {
            int halo = Segments.halo(ind);
            if (halo < 0) continue;
            boolean window = ind.lookback() == halo && !ind.name().equals("stoch");
            IndicatorValues whole = cpu.compute(p, List.of(ind));
            for (int s = 0; s < p.seriesCount(); s++) {
                for (int t0 = 997; t0 < p.barCount(); t0 += 997) {
                    int from = Math.min(t0 - halo, reachBack(ind, p, s, t0, halo));
                    int start = Math.max(0, Math.floorDiv(from, Segments.align(ind)) * Segments.align(ind));
                    int end = Math.min(p.barCount(), t0 + 997);
                    IndicatorValues part = cpu.compute(cut(p, s, start, end), List.of(ind));
                    for (int o = 0; o < ind.outputs().size(); o++) {
                        double[] w = Arrays.copyOfRange(whole.data(o), s * p.barCount() + t0, s * p.barCount() + end);
                        double[] g = Arrays.copyOfRange(part.data(o), t0 - start, end - start);
                        if (window) {
                            if (!Arrays.equals(w, g)) {
                                failures.add(ind.spec() + " output " + o + " series " + s + ": restart at " + start + " for bar " + t0
                                        + " differs (seed " + seed + ")");
                            }
                            continue;
                        }
                        double[] ws = Arrays.copyOfRange(whole.data(o), s * p.barCount(), (s + 1) * p.barCount());
                        double[] gs = ws.clone();
                        System.arraycopy(g, 0, gs, t0, g.length);
                        String f = Compare.check(ind, o, gs, ws, 1, p.barCount(), 0);
                        if (f != null) failures.add(f + " (restart at " + start + " for " + t0 + ", seed " + seed + ")");
                        if (!ind.name().equals("stoch")) {
                            for (int i = 0; i < w.length; i++) {
                                averaged++;
                                if (Double.doubleToRawLongBits(w[i]) == Double.doubleToRawLongBits(g[i])) averagedSame++;
                            }
                        }
                    }
                }
            }
        }
        return new long[] {averaged, averagedSame};
    }

    /**
     * The kernels' reach-back ({@code reachingBack} in hybridta.cu), for one series: where RSI's, ATR's and ADX's
     * halo must start so that a flat stretch longer than the halo is rebuilt too; {@code Integer.MAX_VALUE}: as
     * planned. A model of the rule (the emulated and GPU kernels are checked by {@link SegmentedPathCases}).
     */
    static int reachBack(Indicator ind, Panel p, int s, int t0, int halo) {
        double[] h = p.series(Field.HIGH, s), l = p.series(Field.LOW, s), c = p.series(Field.CLOSE, s);
        if (ind.name().equals("rsi")) {
            int rise = -1, fall = -1;
            for (int t = t0 - 1; t >= 1 && (rise < 0 || fall < 0); t--) {
                double diff = c[t] - c[t - 1];
                if (diff > 0 && rise < 0) rise = t;
                if (diff < 0 && fall < 0) fall = t;
            }
            return haloBefore(rise < 0 ? fall : fall < 0 ? rise : Math.min(rise, fall), halo);
        }
        if (ind.name().equals("atr")) {
            int t = t0 - 1;
            while (t >= 1 && trueRange(h[t], l[t], c[t - 1]) == 0.0) t--;
            return haloBefore(t >= 1 ? t : -1, halo);
        }
        if (ind.name().equals("adx")) {
            int plus = -1, minus = -1, counted = 0, start = 0;
            for (int t = t0 - 1; t >= 1; t--) {
                if (trueRange(h[t], l[t], c[t - 1]) != 0.0 && ++counted == halo) start = t;
                double diffP = h[t] - h[t - 1], diffM = l[t - 1] - l[t];
                if (diffM > 0 && diffP < diffM) {
                    if (minus < 0) minus = t;
                } else if (diffP > 0 && diffP > diffM) {
                    if (plus < 0) plus = t;
                }
                if (counted >= halo && plus >= 0 && minus >= 0) break;
            }
            return Math.min(start, Math.min(haloBefore(plus, halo), haloBefore(minus, halo)));
        }
        return Integer.MAX_VALUE;
    }

    private static int haloBefore(int b, int halo) { return b < 0 ? Integer.MAX_VALUE : b + 1 - halo; }

    private static double trueRange(double h, double l, double cPrev) {
        return Math.max(h - l, Math.max(Math.abs(cPrev - h), Math.abs(cPrev - l)));
    }

    /** Without the reach-back, a flat stretch longer than the halo breaks the restart: the model above matters. */
    @Test void aFlatStretchLongerThanTheHaloNeedsTheReachBack() {
        int bars = 6_000;
        double[] o = new double[bars], h = new double[bars], l = new double[bars], c = new double[bars];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double price = 50;
        for (int t = 0; t < bars; t++) {
            boolean flat = t >= 1_500 && t < 4_500;   // 3,000 bars without change or range
            double open = price;
            if (!flat) price *= 1 + 0.02 * rnd.nextGaussian();
            o[t] = open;
            c[t] = price;
            h[t] = flat ? price : Math.max(open, price) * (1 + 0.01 * rnd.nextDouble());
            l[t] = flat ? price : Math.min(open, price) * (1 - 0.01 * rnd.nextDouble());
        }
        Panel p = Panel.builder(1, bars).field(Field.OPEN, o).field(Field.HIGH, h).field(Field.LOW, l).field(Field.CLOSE, c).build();
        for (String spec : List.of("atr:14")) {
            Indicator ind = Indicators.parse(spec);
            int halo = Segments.halo(ind), t0 = 4_000;
            assertThat(reachBack(ind, p, 0, t0, halo)).as(spec).isLessThan(1_500);
            IndicatorValues whole = cpu.compute(p, List.of(ind)), plain = cpu.compute(cut(p, 0, t0 - halo, bars), List.of(ind));
            double[] restarted = Arrays.copyOfRange(plain.data(0), halo, bars - t0 + halo), right = Arrays.copyOfRange(whole.data(0), t0, bars);
            boolean differs = false;   // relatively: the decayed ATR is tiny next to the column's largest value
            for (int i = 0; i < right.length; i++) differs |= Math.abs(restarted[i] - right[i]) > 1e-9 * Math.abs(right[i]);
            assertThat(differs).as("%s restarted inside the flat stretch", spec).isTrue();
        }
    }

    /**
     * Why the running sums stay whole: on such a collapsing series a restarted SMA, WMA, BBANDS or MFI differs
     * from TA-Lib's (whose sums carry the rounding residue of the early, high prices) by more than 1e-12.
     */
    @Test void aRestartedRunningSumDiffersFromTaLibsOnACollapsingSeries() {
        Panel p = RandomPanels.of(1, 1, 100_000, false);
        for (String spec : List.of("sma:20", "wma:20", "bbands:20:2", "mfi:14")) {
            Indicator ind = Indicators.parse(spec);
            IndicatorValues whole = cpu.compute(p, List.of(ind));
            boolean differs = false;
            for (int t0 = 2000; t0 < 100_000 && !differs; t0 += 2000) {
                int start = t0 - ind.lookback();
                int end = Math.min(100_000, t0 + 2000);
                IndicatorValues part = cpu.compute(cut(p, 0, start, end), List.of(ind));
                for (int o = 0; o < ind.outputs().size() && !differs; o++) {
                    double[] ws = whole.data(o), gs = ws.clone();
                    System.arraycopy(part.data(o), t0 - start, gs, t0, end - t0);
                    differs = Compare.check(ind, o, gs, ws, 1, 100_000, 0) != null;
                }
            }
            assertThat(differs).as(spec).isTrue();
        }
    }

    /** Bars [from, to) of series s as a panel of its own. */
    static Panel cut(Panel p, int s, int from, int to) {
        Panel.Builder b = Panel.builder(1, to - from);
        int len = Math.max(0, Math.min(p.length(s), to) - from);
        b.lengths(len);
        int base = s * p.barCount();
        for (Field f : p.fields()) b.field(f, Arrays.copyOfRange(p.data(f), base + from, base + to));
        return b.build();
    }
}
