package org.hybridta.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The CPU sweep engine against the CPU backend computing each parameter set on its own: equal bit for bit. */
class CpuSweepEngineTest {
    private static SweepEngine engine;
    private static ComputeBackend cpu;
    private static final Panel PANEL = RandomBars.raggedPanel(7, 300, 0, 1, 45, 260, 300, 17);

    @BeforeAll static void open() {
        engine = Sweeps.open("cpu");
        cpu = Backends.open("cpu");
    }

    @AfterAll static void close() {
        engine.close();
        cpu.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ema:2..40", "bbands:5..12:0.5..2.5/0.5:nbdevup", "macd:3,12:20..26/3:2..9/7", "stoch:5..14/3:3:sma,ema", "mfi:2..30/4", "sma:3,8@volume"})
    void theCubeEqualsEachSetComputedAlone(String grid) {
        Sweep sweep = Sweep.parse(grid);
        SweepCube cube = engine.cube(PANEL, sweep, Precision.DOUBLE);
        SweepCube floats = engine.cube(PANEL, sweep, Precision.FLOAT);
        assertThat(cube.values()).isEqualTo((long) sweep.size() * sweep.function().outputs().size() * PANEL.seriesCount() * PANEL.barCount());
        for (int set = 0; set < sweep.size(); set++) {
            Indicator ind = sweep.specs().get(set);
            IndicatorValues ref = cpu.compute(PANEL, List.of(ind));
            for (int o = 0; o < ind.outputs().size(); o++) {
                double[] want = ref.data(o);
                assertThat(cube.doubles(set, o)).as(ind.outputs().get(o).column()).isEqualTo(want);
                float[] f = floats.floats(set, o);
                for (int i = 0; i < want.length; i++) {
                    if (Float.compare(f[i], (float) want[i]) != 0) throw new AssertionError(ind.spec() + " float cell " + i + ": " + f[i] + " vs " + want[i]);
                }
            }
        }
    }

    @Test void theReductionsEqualAPlainLoopOverComputedValues() {
        Sweep sweep = Sweep.parse("rsi:2..20/3");
        int[] from = {50, 0, 0, 10, 100, 299, 5};
        List<Reduction> rs = Reduction.parseList("last,mean,min,max,count:>60,count:<40,cross,cross:50");
        for (Precision precision : Precision.values()) {
            SweepSummary sum = engine.reduce(PANEL, sweep, from, rs, precision);
            for (int set = 0; set < sweep.size(); set++) {
                IndicatorValues ref = cpu.compute(PANEL, List.of(sweep.specs().get(set)));
                for (int s = 0; s < PANEL.seriesCount(); s++) {
                    double[] v = ref.series(ref.columns().get(0), s);
                    if (precision == Precision.FLOAT) for (int t = 0; t < v.length; t++) v[t] = (float) v[t];
                    double[] close = PANEL.series(Field.CLOSE, s);
                    double[] want = reference(v, close, from[s], 60, 40, 50);
                    for (Reduction.Stat st : Reduction.Stat.values()) {
                        assertThat(Double.doubleToLongBits(sum.get(set, 0, s, st)))
                                .as(sweep.specs().get(set) + " " + PANEL.symbol(s) + " " + st + " " + precision + ": " + sum.get(set, 0, s, st) + " vs " + want[st.ordinal()])
                                .isEqualTo(Double.doubleToLongBits(want[st.ordinal()]));
                    }
                }
            }
        }
    }

    /** The definitions of {@link Reduction}, written out plainly. */
    private static double[] reference(double[] v, double[] close, int from, double above, double below, double level) {
        List<Double> kept = new ArrayList<>();
        for (int t = from; t < v.length; t++) if (!Double.isNaN(v[t])) kept.add(v[t]);
        double sum = 0;
        for (double d : kept) sum += d;
        double[] r = new double[SweepSummary.STATS];
        r[0] = v.length == 0 ? Double.NaN : v[v.length - 1];
        r[1] = kept.isEmpty() ? Double.NaN : sum / kept.size();
        r[2] = kept.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        r[3] = kept.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        r[4] = kept.stream().filter(d -> d > above).count();
        r[5] = kept.stream().filter(d -> d < below).count();
        r[6] = r[7] = r[8] = r[9] = Double.NaN;
        for (int t = Math.max(1, from); t < v.length; t++) {
            if (close[t - 1] <= v[t - 1] && close[t] > v[t]) { r[6] = t; r[7] = 1; }
            if (close[t - 1] >= v[t - 1] && close[t] < v[t]) { r[6] = t; r[7] = -1; }
            if (v[t - 1] <= level && v[t] > level) { r[8] = t; r[9] = 1; }
            if (v[t - 1] >= level && v[t] < level) { r[8] = t; r[9] = -1; }
        }
        return r;
    }

    @Test void badRequestsAreRefused() {
        Panel noVolume = Panel.builder(1, 3).field(Field.CLOSE, new double[] {1, 2, 3}).build();
        assertThatThrownBy(() -> engine.cube(noVolume, Sweep.parse("obv"), Precision.DOUBLE)).hasMessageContaining("needs volume values");
        assertThatThrownBy(() -> engine.reduce(PANEL, Sweep.parse("ema:3"), new int[] {0}, List.of(Reduction.LAST), Precision.DOUBLE))
                .hasMessageContaining("1 first bars for 7 series");
        assertThatThrownBy(() -> engine.reduce(PANEL, Sweep.parse("ema:3"), new int[] {0, 1, 0, 0, 0, 0, 0}, List.of(Reduction.LAST), Precision.DOUBLE))
                .hasMessageContaining("S1: first bar 1 outside [0, 0]");
    }
}
