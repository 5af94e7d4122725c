package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.Workload;
import org.hybridta.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Test;

/** {@code auto}'s estimates against the runs measured on the GPU machine (docs/benchmarks.md); no GPU needed. */
class CudaBackendProviderTest {
    private final BackendProvider cuda = new CudaBackendProvider(), cpu = new CpuBackendProvider();

    /**
     * One worker of 16 threads. 5,000 symbols x 10 years (12,386,886 bars) with every catalog function (250 columns): the
     * CPU took 14.1 s, the H100 31.5 s. 10,000 x 25,000 bars with the 18 original indicators (25 columns): the CPU 8.8 s,
     * the GPU 3.6 s.
     */
    @Test void theWholeCatalogStaysOnTheCpuLargePanelsOfTheOriginalsGoToTheGpu() {
        Workload catalog = new Workload(12_386_886L, 250, 16), originals = new Workload(250_000_000L, 25, 16);
        assertThat(cuda.estimateSeconds(catalog)).isGreaterThan(cpu.estimateSeconds(catalog));
        assertThat(cuda.estimateSeconds(originals)).isLessThan(cpu.estimateSeconds(originals));
    }

    @Test void theStepIsWhereOneGroupOfTenYearSeriesOutgrowsAChunksStaging() {
        assertThat(CudaBackendProvider.MANY_COLUMNS).isEqualTo(104);
        Workload below = new Workload(1_000_000, CudaBackendProvider.MANY_COLUMNS, 16);
        Workload above = new Workload(1_000_000, CudaBackendProvider.MANY_COLUMNS + 1, 16);
        assertThat(cuda.estimateSeconds(above) / above.cells()).isGreaterThan(10 * cuda.estimateSeconds(below) / below.cells() - 1e-6);
    }
}
