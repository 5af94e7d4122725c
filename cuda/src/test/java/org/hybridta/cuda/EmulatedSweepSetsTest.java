package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.sweep.Sweep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sweep's one launch for all its parameter sets ({@code name_sets_f64/_f32}, {@link CudaSweepEngine}) on the CPU
 * emulator: for every kernel with a sweep entry point, each set's outputs equal the same kernel launched for that set
 * alone with the same segments bit for bit (so the set index, the parameter tables and the output strides are right),
 * and the CPU backend's within the CUDA tolerances; unsegmented and cut into 3 segments with the batch's longest halo.
 * Needs g++ 12+ and {@code -Dhybridta.emulate=true}.
 */
@EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
        disabledReason = "set -Dhybridta.emulate=true to run the kernels on the CPU emulator (needs g++ 12+)")
class EmulatedSweepSetsTest {
    /** A grid for every kernel of {@link KernelCall#SETS}. */
    static final List<String> GRIDS = List.of("sma:2..40/7", "ema:2..200/33", "wma:2..30/7", "dema:5..50/15", "tema:5..50/15", "rsi:2..30/7",
            "roc:1..50/12", "mom:1..50/12", "atr:2..30/7", "bbands:5..30/5", "bbands:5..30/5:1..3/1:0.5", "bbands:5..20/5:2:2:ema",
            "bbands:5..20/5:2:2:kama",   // bbands_ma: an average of any type (the others run on bbands_ma_s)
            // BBANDS' sets of one period in one thread (KernelCall.setBlocks): blocks of 6, then of 16 and 4
            "bbands:5..15/5:0.5..3/0.5:nbdevup", "bbands:7:0.25..5/0.25:nbdevup");

    @BeforeAll static void build() {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @ParameterizedTest(name = "{0} segments")
    @ValueSource(ints = {1, 3})
    void oneLaunchGivesEachSetsOwnLaunchBitForBit(int segments) {
        Panel p = RandomPanels.of(20261206L, 40, 700, true);
        List<String> kernels = new ArrayList<>();
        try (ComputeBackend cpu = Backends.open("cpu")) {
            for (String grid : GRIDS) {
                Sweep sweep = Sweep.parse(grid);
                List<Indicator> specs = sweep.specs();
                List<KernelCall> calls = specs.stream().map(KernelCall::of).toList();
                assertThat(calls).allMatch(KernelCall::batchable);
                kernels.add(calls.get(0).kernel());
                KernelCall widest = KernelCall.widest(calls);
                Segments seg = widest.halo() < 0 || segments == 1 ? Segments.plan(widest, 2, p.barCount(), 1, 0)
                        : Segments.plan(widest, 2, p.barCount(), 1, segments);
                assertThat(seg.count()).as(grid + " segments").isEqualTo(widest.halo() < 0 ? 1 : segments);
                IndicatorValues ref = cpu.compute(p, specs);
                for (Precision precision : Precision.values()) {
                    double[][] together = Emulator.runSets(p, specs, precision, seg);
                    double[][] alone = Emulator.run(p, specs, precision, call -> new Segments(seg.count(), seg.length(), seg.halo(), seg.align()));
                    int outs = calls.get(0).outputs();
                    for (int c = 0; c < together.length; c++) {
                        assertThat(together[c]).as("%s %s, set %d output %d", grid, precision, c / outs, c % outs).isEqualTo(alone[c]);
                        Indicator spec = specs.get(c / outs);
                        String diff = Compare.check(spec, c % outs, together[c], ref.data(c), p.seriesCount(), p.barCount(),
                                precision == Precision.FLOAT ? 0x1p-24 : 0);
                        assertThat(diff).as("%s %s against the CPU", grid, precision).isNull();
                    }
                }
            }
        }
        assertThat(new java.util.TreeSet<>(kernels)).as("kernels covered").isEqualTo(new java.util.TreeSet<>(KernelCall.SETS));
    }
}
