package org.hybridta.cuda.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import jcuda.driver.CUresult;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.backend.Backends;
import org.hybridta.cuda.CudaBackendProvider;
import org.junit.jupiter.api.Test;

/** Availability answers and error messages, all without a GPU. */
class CudaProbeTest {
    private static final CudaProbe.Device H100 = new CudaProbe.Device(0, "NVIDIA H100 80GB HBM3", 90, 80L << 30);

    @Test void missingDriverLibrarySaysSoAndHowToFix() {
        var err = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.6.0-linux-x86_64\"");
        err.initCause(new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file: No such file or directory"));
        Availability a = CudaProbe.decide(new CudaProbe.Facts(err, -1, 0, List.of()));
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("no NVIDIA driver found", "libcuda.so.1", "--backend cpu");
    }

    @Test void noDevice() {
        Availability a = CudaProbe.decide(new CudaProbe.Facts(null, CUresult.CUDA_ERROR_NO_DEVICE, 0, List.of()));
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("no CUDA device", "--backend cpu");
        Availability none = CudaProbe.decide(new CudaProbe.Facts(null, CUresult.CUDA_SUCCESS, 13000, List.of()));
        assertThat(none.available()).isFalse();
        assertThat(none.reason()).contains("no CUDA device");
    }

    @Test void driverTooOldForThePtxNamesBothVersions() {
        Availability a = CudaProbe.decide(new CudaProbe.Facts(null, CUresult.CUDA_SUCCESS, 12040, List.of(H100)));
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("CUDA 12.4", "CUDA 13.0", "580", "update the driver");
    }

    @Test void stubLibraryIsNotADriver() {
        Availability a = CudaProbe.decide(new CudaProbe.Facts(null, CUresult.CUDA_ERROR_STUB_LIBRARY, 0, List.of()));
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("stub");
    }

    @Test void gpusOlderThanAmpereAreNotUsable() {
        var t4 = new CudaProbe.Device(0, "Tesla T4", 75, 16L << 30);
        Availability a = CudaProbe.decide(new CudaProbe.Facts(null, CUresult.CUDA_SUCCESS, 13000, List.of(t4)));
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).contains("Tesla T4", "compute capability 7.5", "8.0");
    }

    @Test void aGoodDriverAndDeviceAreAvailable() {
        Availability a = CudaProbe.decide(new CudaProbe.Facts(null, CUresult.CUDA_SUCCESS, 13000, List.of(H100)));
        assertThat(a.available()).isTrue();
        assertThat(a.reason()).contains("NVIDIA H100", "9.0", "CUDA 13.0");
    }

    @Test void theProviderNeverThrowsAndRanksAboveCpu() {
        BackendProvider p = new CudaBackendProvider();
        assertThat(p.name()).isEqualTo("cuda");
        assertThat(p.priority()).isGreaterThan(0);
        Availability a = p.availability();  // whatever this machine has, an answer and no exception
        assertThat(a.reason()).isNotBlank();
        assertThat(Backends.providers()).extracting(BackendProvider::name).startsWith("cuda");
    }

    @Test void withoutAGpuNamingCudaFailsWithTheReasonAndAutoFallsBack() {
        Availability a = new CudaBackendProvider().availability();
        assumeFalse(a.available(), "skipped: this machine has a usable GPU");
        assertThatThrownBy(() -> Backends.open("cuda")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("backend cuda cannot run here").hasMessageContaining(a.reason());
        assertThat(Backends.choose("auto").name()).isEqualTo("cpu");
        assertThat(new CudaBackendProvider().deviceCount()).isZero();
    }
}
