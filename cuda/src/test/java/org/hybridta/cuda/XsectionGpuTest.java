package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaDevice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hybridta.backend.BackendOptions;
import org.hybridta.xsection.AlignedReturns;
import org.hybridta.xsection.Beta;
import org.hybridta.xsection.CrossSection;
import org.hybridta.xsection.CrossSectionResult;
import org.hybridta.xsection.GramEngine;
import org.hybridta.xsection.Measure;
import org.hybridta.xsection.MissingDays;
import org.hybridta.xsection.SymbolMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GPU's cross-sectional engine (cuBLAS through the binding that loads, or the one HYBRIDTA_CUBLAS names) against
 * the CPU's. Tolerances: correlations within 1e-10 absolute, covariances within 1e-10 of the product of the two
 * standard deviations: the two sum the same products in different orders (cuBLAS's DSYRK and DGEMM in tiles, on the
 * tensor cores' FP64 FMAs; the CPU in blocks of four days), which moves results by a few units in the last place of
 * sums over thousands of days, far inside these bounds. The binding used is printed, so that a run states which path
 * it proved.
 */
@RequiresGpu
class XsectionGpuTest {
    static final double TOL = 1e-10;

    @BeforeAll static void say() {
        System.out.println("[xsection GPU] " + new CudaGramEngineProvider().availability().reason());
    }

    static AlignedReturns returns(long seed, int symbols, int days, double missing) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] market = new double[days];
        for (int t = 0; t < days; t++) market[t] = 0.01 * r.nextGaussian();
        List<double[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            double beta = 0.5 + r.nextDouble(), vol = 0.005 + 0.02 * r.nextDouble();
            int listed = missing > 0 && s % 7 == 3 ? r.nextInt(days / 2) : 0;
            double[] row = new double[days];
            for (int t = 0; t < days; t++) row[t] = t < listed || r.nextDouble() < missing ? Double.NaN : beta * market[t] + vol * r.nextGaussian();
            rows.add(row);
            names.add("S" + s);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < days; t++) dates.add(LocalDate.of(2010, 1, 1).plusDays(t));
        return AlignedReturns.of(names, dates, rows);
    }

    static CrossSection.Builder on(String engine) {
        return CrossSection.builder().backend(engine).backendOptions(BackendOptions.defaults());
    }

    @ParameterizedTest(name = "{0} symbols x {1} days, {2} missing, {3}")
    @CsvSource({"37,300,0,PAIRWISE_COMPLETE", "500,2520,0,PAIRWISE_COMPLETE", "513,1000,0.05,PAIRWISE_COMPLETE", "300,700,0.0005,DROP",
                "2000,2520,0,PAIRWISE_COMPLETE"})
    void gpuEqualsCpu(int symbols, int days, double missing, MissingDays policy) {
        AlignedReturns r = returns(symbols * 31L + days, symbols, days, missing);
        CrossSectionResult gpu = on("cuda").missingDays(policy).build().analyze(r);
        CrossSectionResult cpu = on("cpu").missingDays(policy).build().analyze(r);
        assertThat(gpu.engine()).startsWith("cuda: ").contains("cuBLAS");
        assertClose(gpu.last().correlation().orElseThrow(), cpu.last().correlation().orElseThrow(), null);
        assertClose(gpu.last().covariance().orElseThrow(), cpu.last().covariance().orElseThrow(), cpu.last().covariance().orElseThrow());
        List<Beta> gb = gpu.last().betas(), cb = cpu.last().betas();
        for (int i = 0; i < gb.size(); i++) assertThat(gb.get(i).beta()).isEqualTo(cb.get(i).beta());   // betas are the host's in both
    }

    @Test void rollingWindowsOnTheGpuEqualTheCpus() {
        AlignedReturns r = returns(7, 100, 400, 0.03);
        CrossSectionResult gpu = on("cuda").rolling(63, 21).measures(EnumSet.of(Measure.CORRELATION)).build().analyze(r);
        CrossSectionResult cpu = on("cpu").rolling(63, 21).measures(EnumSet.of(Measure.CORRELATION)).build().analyze(r);
        assertThat(gpu.windows()).hasSize(cpu.windows().size()).hasSizeGreaterThan(10);
        for (int w = 0; w < gpu.windows().size(); w++) {
            assertClose(gpu.windows().get(w).correlation().orElseThrow(), cpu.windows().get(w).correlation().orElseThrow(), null);
        }
    }

    @Test void theEngineFreesItsMemoryAndClosesTwice() {
        long before;
        try (CudaDevice d = CudaDevice.openForLibraries(-1)) {
            before = d.memInfo()[0];
        }
        GramEngine e = new CudaGramEngineProvider().create(BackendOptions.defaults());
        double[] x = new double[1000 * 300];
        GramEngine.Operands ops = e.load(300, 1000, x, x);
        e.product(ops, 0, 1, 0, 300, new double[1000 * 1000]);
        e.close();
        e.close();
        try (CudaDevice d = CudaDevice.openForLibraries(-1)) {
            assertThat(d.memInfo()[0]).isGreaterThan(before - (64L << 20));
        }
    }

    private static void assertClose(SymbolMatrix gpu, SymbolMatrix cpu, SymbolMatrix covScale) {
        int n = cpu.size();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double c = cpu.get(i, j), g = gpu.get(i, j);
                if (Double.isNaN(c)) {
                    assertThat(g).as("%d,%d", i, j).isNaN();
                    continue;
                }
                double scale = covScale == null ? 1 : Math.sqrt(covScale.get(i, i) * covScale.get(j, j));
                worst = Math.max(worst, Math.abs(g - c) / scale);
            }
        }
        System.out.printf("[xsection GPU] %d x %d %s: largest difference from the CPU %.2e%n", n, n, covScale == null ? "correlation" : "covariance", worst);
        assertThat(worst).isLessThanOrEqualTo(TOL);
    }
}
