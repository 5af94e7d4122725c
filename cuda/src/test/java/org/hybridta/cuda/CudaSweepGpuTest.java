package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Screen;
import org.hybridta.sweep.ScreenResult;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepCube;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.SweepSummary;
import org.hybridta.sweep.Sweeps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CUDA sweep engine against the CPU's on random panels of awkward shapes: cubes within the CUDA tolerances
 * ({@link Compare}), reductions equal to the same pass over the device's own values (the kernel repeats the CPU's
 * operations; {@code SweepKernelsEmulatedTest} checks that bit for bit without a GPU), screens with the same matches. Skipped without a GPU.
 */
@RequiresGpu
class CudaSweepGpuTest {
    private static SweepEngine gpu, cpu;

    @BeforeAll static void open() {
        gpu = Sweeps.open("cuda");
        cpu = Sweeps.open("cpu");
    }

    @AfterAll static void close() {
        if (gpu != null) gpu.close();
        if (cpu != null) cpu.close();
    }

    private static final String[] GRIDS = {"ema:2..201", "bbands:10..29:0.75..3/0.25:nbdevup", "macd:8,12:20..30/5:9", "stoch:5..14/3:3:sma:3:sma",
            "willr:5..60/5", "mfi:10..80/35", "cci:10..40/15", "atr:7,14", "rsi:2..30/7", "obv"};

    @ParameterizedTest
    @ValueSource(strings = {"1x1", "33x300", "257x600", "500x2520"})
    void cubesEqualTheCpuWithinTolerance(String shape) {
        Panel p = panel(shape);
        for (String grid : GRIDS) {
            Sweep sweep = Sweep.parse(grid);
            SweepCube ref = cpu.cube(p, sweep, Precision.DOUBLE);
            SweepCube d = gpu.cube(p, sweep, Precision.DOUBLE), f = gpu.cube(p, sweep, Precision.FLOAT);
            for (int set = 0; set < sweep.size(); set++) {
                for (int o = 0; o < ref.outputCount(); o++) {
                    var spec = sweep.specs().get(set);
                    String diff = Compare.check(spec, o, d.doubles(set, o), ref.doubles(set, o), p.seriesCount(), p.barCount(), 0);
                    assertThat(diff).as(grid + " double").isNull();
                    float[] fl = f.floats(set, o);
                    double[] widened = new double[fl.length];
                    for (int i = 0; i < fl.length; i++) widened[i] = fl[i];
                    diff = Compare.check(spec, o, widened, ref.doubles(set, o), p.seriesCount(), p.barCount(), 0x1p-24);
                    assertThat(diff).as(grid + " float").isNull();
                }
            }
        }
    }

    /** More streams only run the same kernels side by side: the cubes are the default engine's, bit for bit. */
    @Test void manyLanesGiveTheDefaultEnginesCubes() {
        Panel p = panel("257x600");
        try (CudaSweepEngine wide = CudaSweepEngine.open(BackendOptions.builder().build(), CudaSweepEngine.MAX_LANES)) {
            for (String grid : GRIDS) {
                Sweep sweep = Sweep.parse(grid);
                SweepCube ref = gpu.cube(p, sweep, Precision.DOUBLE), got = wide.cube(p, sweep, Precision.DOUBLE);
                for (int set = 0; set < sweep.size(); set++) {
                    for (int o = 0; o < ref.outputCount(); o++) {
                        assertThat(got.doubles(set, o)).as(grid + " set " + set + " output " + o).isEqualTo(ref.doubles(set, o));
                    }
                }
            }
        }
    }

    /**
     * A sweep entry point's one launch for all sets ({@code name_sets_f64}: blockIdx.z the set or a block of sets,
     * parameters from a table)
     * gives the CUDA backend's set-by-set kernels bit for bit where neither cuts the series in time (windows and running
     * sums): each set got its own parameters and outputs.
     */
    @Test void oneLaunchForManySetsGivesTheSetBySetKernelsBits() {
        Panel p = RandomPanels.of(System.nanoTime(), 257, 600, false);
        try (ComputeBackend backend = Backends.open("cuda", BackendOptions.builder().precision(Precision.DOUBLE).build())) {
            // EMA with periods whose halos exceed 600 bars (neither side cuts the series), BBANDS' sets of a period in one
            // thread (blocks of 10; of 16 and 4); the last: unequal deviations, BBANDS on the MA framework (bbands_ma_s)
            for (String grid : new String[] {"sma:2..40", "wma:2..40", "ema:100..140", "bbands:5..30/5", "bbands:10..29:0.75..3/0.25:nbdevup",
                    "bbands:7:0.25..5/0.25:nbdevup", "bbands:5..30/5:1..3/1:0.5"}) {
                Sweep sweep = Sweep.parse(grid);
                assertThat(sweep.specs().stream().allMatch(s -> KernelCall.of(s).batchable())).as(grid + " runs in one launch").isTrue();
                SweepCube cube = gpu.cube(p, sweep, Precision.DOUBLE);
                IndicatorValues ref = backend.compute(p, sweep.specs());
                int outs = cube.outputCount();
                for (int set = 0; set < sweep.size(); set++) {
                    for (int o = 0; o < outs; o++) {
                        assertThat(cube.doubles(set, o)).as(grid + " set " + set + " output " + o).isEqualTo(ref.data(set * outs + o));
                    }
                }
            }
        }
    }

    /** The device's reductions are the CPU's pass ({@code StatPass}) over the device's own values, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"1x1", "33x300", "257x600", "500x2520"})
    void reductionsOnTheDeviceEqualThePassOverItsValues(String shape) {
        Panel p = panel(shape);
        int[] from = new int[p.seriesCount()];
        for (int s = 0; s < from.length; s++) from[s] = Math.min(p.length(s), s % 97);
        List<Reduction> rs = Reduction.parseList("last,mean,min,max,count:>60,count:<40,cross,cross:50");
        for (String grid : new String[] {"rsi:2..30/7", "ema:2..201", "bbands:10..29:0.75..3/0.25:nbdevup", "stoch:5..14/3"}) {
            Sweep sweep = Sweep.parse(grid);
            for (Precision precision : Precision.values()) {
                SweepSummary sum = gpu.reduce(p, sweep, from, rs, precision);
                SweepCube cube = gpu.cube(p, sweep, precision);
                double[] close = p.data(Field.CLOSE);
                int bars = p.barCount();
                for (int set = 0; set < sweep.size(); set++) {
                    for (int o = 0; o < cube.outputCount(); o++) {
                        double[] v = new double[p.seriesCount() * bars];
                        for (int i = 0; i < v.length; i++) v[i] = cube.get(set, o, i / bars, i % bars);
                        for (int s = 0; s < p.seriesCount(); s++) {
                            double[] want = StatReference.run(v, s * bars, close, s * bars, from[s], p.length(s), Reduction.levels(rs));
                            for (Reduction.Stat st : Reduction.Stat.values()) {
                                double g = sum.get(set, o, s, st), w = want[st.ordinal()];
                                String what = grid + " " + precision + " set " + set + " series " + s + " " + st + ": " + g + " vs " + w;
                                // the same chunks give the same time segments, so the values are the same bit for bit; 1e-12 leaves room
                                // for a cube and a reduction cut into different segments (recursive kernels then differ in the last bits)
                                if (st.ordinal() <= Reduction.Stat.MAX.ordinal() && !Double.isNaN(w)) {
                                    assertThat(g).as(what).isCloseTo(w, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(w))));
                                } else {
                                    assertThat(Double.doubleToLongBits(g)).as(what).isEqualTo(Double.doubleToLongBits(w));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x1", "33x300", "257x600", "10000x260"})
    void screensMatchTheCpu(String shape) {
        Panel p = panel(shape);
        int[] at = Sweeps.lastBars(p);
        for (int s = 0; s < at.length; s += 7) at[s] = Math.min(at[s], s % 50);
        for (String text : new String[] {"rsi:14 < 50 and close > sma:20", "close crosses above ema:10 or not cci:14 > -50",
                "bbands:20:2.upperband < close or macd:12:26:9.macd crosses below macd:12:26:9.macdsignal", "close > open", "willr:14 < -80"}) {
            Screen screen = Screen.parse(text);
            ScreenResult g = gpu.screen(p, screen, at), c = cpu.screen(p, screen, at);
            assertThat(g.matches()).extracting(ScreenResult.Match::symbol).as(text).containsExactlyElementsOf(
                    c.matches().stream().map(ScreenResult.Match::symbol).toList());
            for (int k = 0; k < g.matches().size(); k++) {
                double[] a = g.matches().get(k).values(), e = c.matches().get(k).values();
                for (int i = 0; i < a.length; i++) {
                    if (Double.isNaN(e[i])) assertThat(a[i]).isNaN();
                    else assertThat(a[i]).isCloseTo(e[i], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(e[i]))));
                }
            }
        }
    }

    @Test void functionsWithoutKernelsAreRefusedByNameOrComputedOnTheCpuWithAuto() {
        Panel p = panel("33x300");
        // MAVP over 100,000 periods: its averages' states would not fit the kernel's rings (KernelCall.MAVP_MAX_RING)
        String sweep = "mavp:2..3:100000:ema";
        assertThatThrownBy(() -> gpu.cube(p, Sweep.parse(sweep), Precision.DOUBLE)).hasMessageContaining("no kernel for mavp:2:100000");
        try (SweepEngine auto = Sweeps.open("auto")) {
            SweepCube c = auto.cube(p, Sweep.parse(sweep), Precision.DOUBLE);
            assertThat(c.doubles(0, 0)).isEqualTo(cpu.cube(p, Sweep.parse(sweep), Precision.DOUBLE).doubles(0, 0));
        }
    }

    private static Panel panel(String shape) {
        String[] wh = shape.split("x");
        return RandomPanels.of(System.nanoTime(), Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), true);
    }
}
