package org.hybridta.benchmarks.xsection;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.hybridta.backend.BackendOptions;
import org.hybridta.cuda.CudaGramDiagnostics;
import org.hybridta.xsection.CpuGramEngineProvider;
import org.hybridta.xsection.AlignedReturns;
import org.hybridta.xsection.CrossSection;
import org.hybridta.xsection.GramEngine;
import org.hybridta.xsection.Measure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The correlation matrix of {@code symbols × days} returns, and its heart, the Gram product {@code XᵀX} (a DSYRK:
 * {@code symbols² · days} flops), on the CPU's engine (all cores) and the GPU's (cuBLAS):
 * <ul>
 * <li>{@code product}: operands already where the engine computes, nothing downloaded (the GPU: cuBLAS alone,
 * synchronized; the CPU: the blocked kernel): transfers excluded;</li>
 * <li>{@code productWithTransfers}: upload the operand, the product, download the {@code symbols²} result into a Java
 * array, free: transfers included;</li>
 * <li>{@code analyze}: the correlation matrix through the public API ({@link CrossSection#analyze}): shifting the
 * returns, the product on the engine with its transfers, and the host's pass to correlations into a new matrix; what
 * a user waits for.</li>
 * </ul>
 * {@link XsectionReport} prints TFLOP/s from the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx24g"})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
public class XsectionBenchmarks {
    /** {@code cpu} or {@code cuda}. */
    @Param({"cpu", "cuda"})
    public String engine;

    /** Symbols x days. */
    @Param({"500x2520", "10000x2520"})
    public String shape;

    int n, days;
    AlignedReturns returns;
    CrossSection correlation;
    double[] x, out;
    GramEngine gram;
    CudaGramDiagnostics gpu;
    GramEngine.Operands resident;

    @Setup public void setUp() {
        int[] s = BenchReturns.shape(shape);
        n = s[0];
        days = s[1];
        returns = BenchReturns.of(n, days, 42);
        correlation = CrossSection.builder().backend(engine).measures(EnumSet.of(Measure.CORRELATION)).build();
        x = BenchReturns.dayMajor(returns);
        out = new double[n * n];
        if (engine.equals("cuda")) {
            gpu = CudaGramDiagnostics.open(-1);
            gram = gpu.engine();
        } else {
            gram = new CpuGramEngineProvider().create(BackendOptions.defaults());
        }
        resident = gram.load(days, n, x);
    }

    @TearDown public void tearDown() {
        resident.close();
        gram.close();
    }

    @Benchmark public void product(Blackhole bh) {
        if (gpu != null) gpu.productOnDevice(resident, 0, 0, 0, days);
        else gram.product(resident, 0, 0, 0, days, out);
        bh.consume(out);
    }

    @Benchmark public void productWithTransfers(Blackhole bh) {
        try (GramEngine.Operands ops = gram.load(days, n, x)) {
            gram.product(ops, 0, 0, 0, days, out);
        }
        bh.consume(out);
    }

    @Benchmark public void analyze(Blackhole bh) {
        bh.consume(correlation.analyze(returns));
    }
}
