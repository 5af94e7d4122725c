package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The moving averages of any type and the Hilbert-transform functions (averages.cuh, cycle.cuh) on the CPU emulator
 * repeat the CPU backend's doubles bit for bit, not just within {@link Compare}'s 1e-12: the kernels port core's
 * arithmetic operation by operation (fdlibm's arc tangent, core's sin and cos table). HT_SINE and HT_TRENDMODE take
 * sin() of the phase from the C library (here glibc's; on the GPU CUDA's), so they are held to 1e-15 relative and
 * their largest difference is printed.
 */
@EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
        disabledReason = "set -Dhybridta.emulate=true to run the kernels on the CPU emulator (needs g++ 12+)")
class EmulatedAveragesBitsTest {
    /** The functions of averages.cuh and cycle.cuh, and those that reach them through MA-type parameters. */
    static final Set<String> FUNCTIONS = Set.of("ma", "mavp", "trima", "kama", "t3", "mama", "macdext", "stochf", "stochrsi", "bbands", "stoch",
            "apo", "ppo", "ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine", "ht_trendline", "ht_trendmode");
    static final Set<String> THROUGH_LIBM_SIN = Set.of("ht_sine", "ht_trendmode");

    @Test void bitForBitWithTheCpu() {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        List<Indicator> specs = KernelConformanceCases.specs().stream()
                .filter(i -> FUNCTIONS.contains(i.name()) && KernelCall.of(i).framework()).toList();
        assumeTrue(!specs.isEmpty(), "skipped: -Dhybridta.functions selects none of these functions");
        ComputeBackend emu = Emulator.backend(Precision.DOUBLE, EmulatedConformanceTest.H100_RESIDENT, 0);
        List<String> failures = new ArrayList<>();
        try (ComputeBackend cpu = Backends.open("cpu")) {
            for (Panel p : KernelConformanceCases.panels()) {
                IndicatorValues expected = cpu.compute(p, specs), actual = emu.compute(p, specs);
                int c = 0;
                for (Indicator spec : specs) {
                    double maxRel = 0;
                    long differing = 0;
                    for (int o = 0; o < spec.outputs().size(); o++, c++) {
                        double[] e = expected.data(c), a = actual.data(c);
                        for (int i = 0; i < e.length; i++) {
                            if (Double.doubleToLongBits(e[i]) == Double.doubleToLongBits(a[i])) continue;
                            differing++;
                            maxRel = Math.max(maxRel, Math.abs(a[i] - e[i]) / Math.max(Math.abs(e[i]), Double.MIN_NORMAL));
                        }
                    }
                    boolean libm = THROUGH_LIBM_SIN.contains(spec.name());
                    if (differing > 0) {
                        String line = spec.spec() + " on " + p.seriesCount() + " x " + p.barCount() + ": " + differing
                                + " values not bit for bit, largest relative difference " + maxRel;
                        System.out.println(line);
                        if (!libm || !(maxRel <= 1e-15)) failures.add(line);
                    }
                }
            }
        }
        System.out.println(getClass().getSimpleName() + ": " + specs.size() + " specs checked bit for bit");
        assertThat(failures).isEmpty();
    }
}
