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
import org.hybridta.conformance.BackendConformanceTest;
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
        List<Indicator> specs = CudaSpecs.withKernel(new ArrayList<>(all));
        String only = System.getProperty("hybridta.kernel.functions", "").trim();
        if (only.isEmpty()) return specs;
        Set<String> names = Set.of(only.split("\\s*,\\s*"));
        return specs.stream().filter(i -> names.contains(i.name())).toList();
    }

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
                var actual = backend(precision).compute(p, specs);
                for (String f : Compare.check(specs, actual, expected, precision == Precision.FLOAT ? 0x1p-24 : 0)) {
                    failures.add(precision + ", " + p.seriesCount() + " x " + p.barCount() + ": " + f);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
