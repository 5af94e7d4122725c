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
     * Every catalog spec and conformance spec that has a kernel, at least one per function with a kernel; with
     * {@code -Dhybridta.functions=ma,t3,...} only those functions' (to iterate on a few kernels).
     */
    static List<Indicator> specs() {
        Set<Indicator> all = new LinkedHashSet<>(Indicators.catalog());
        all.addAll(BackendConformanceTest.specs());
        all.addAll(Indicators.parseList(String.join(",", MA_TYPE_SPECS)));
        String only = System.getProperty("hybridta.functions", "");
        Set<String> names = Set.of(only.split(","));
        return CudaSpecs.withKernel(new ArrayList<>(all)).stream().filter(i -> only.isBlank() || names.contains(i.name())).toList();
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
                var actual = backend(precision).compute(p, specs);
                for (String f : Compare.check(specs, actual, expected, precision == Precision.FLOAT ? 0x1p-24 : 0)) {
                    failures.add(precision + ", " + p.seriesCount() + " x " + p.barCount() + ": " + f);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
