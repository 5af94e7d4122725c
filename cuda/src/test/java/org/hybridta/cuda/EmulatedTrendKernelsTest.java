package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The trend family's kernels ({@code trend.cuh}) on the CPU emulator, double precision, bit for bit against the CPU
 * backend: stricter than {@link KernelConformanceCases}' 1e-12, because each kernel ports its CPU function operation for
 * operation with plain divisions, and the index functions' bars are integers. ADX, which runs in time segments with a
 * decay halo, is held to the 1e-12 of {@link Compare} instead. Same series and segment plans as
 * {@link EmulatedKernelConformanceTest}; needs g++ 12+ and {@code -Dhybridta.emulate=true}.
 */
@EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
        disabledReason = "set -Dhybridta.emulate=true to run the kernels on the CPU emulator (needs g++ 12+; takes minutes)")
class EmulatedTrendKernelsTest {
    /** The family's functions: those of {@link KernelConformanceCases#TREND_SPECS}. */
    static Set<String> functions() {
        Set<String> names = new TreeSet<>();
        for (Indicator i : Indicators.parseList(KernelConformanceCases.TREND_SPECS)) names.add(i.name());
        return names;
    }

    @Test void everyTrendKernelRepeatsTheCpuBitForBit() {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        Set<String> names = functions();
        assertThat(names).hasSize(20);
        List<Indicator> specs = KernelConformanceCases.specs().stream().filter(i -> names.contains(i.name())).toList();
        List<String> failures = new ArrayList<>();
        try (ComputeBackend cpu = Backends.open("cpu")) {
            ComputeBackend emulated = Emulator.backend(Precision.DOUBLE, EmulatedConformanceTest.H100_RESIDENT, 0);
            for (Panel p : KernelConformanceCases.panels()) {
                IndicatorValues expected = cpu.compute(p, specs), actual = emulated.compute(p, specs);
                int c = 0;
                for (Indicator spec : specs) {
                    for (int o = 0; o < spec.outputs().size(); o++, c++) {
                        // ADX is cut into time segments where the plan says so: within the CUDA tolerance there, as every
                        // decaying recursion; the rest, never segmented (or windows), bit for bit
                        String f = spec.name().equals("adx")
                                ? Compare.check(spec, o, actual.data(c), expected.data(c), p.seriesCount(), p.barCount(), 0)
                                : firstDifference(actual.data(c), expected.data(c), p.barCount());
                        if (f != null) failures.add(spec.outputs().get(o).column() + ", " + p.seriesCount() + " x " + p.barCount() + ": " + f);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Null when the two are the same bits (any NaN meets any NaN), else the first difference. */
    private static String firstDifference(double[] actual, double[] expected, int bars) {
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i], e = expected[i];
            boolean same = Double.isNaN(a) ? Double.isNaN(e) : Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(e);
            if (!same) return "series " + i / bars + " bar " + i % bars + ": got " + a + ", expected " + e;
        }
        return null;
    }
}
