package org.hybridta.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The selection rule, with fake providers: name, then property, then environment, then priority. */
class BackendsTest {
    /** A provider that creates nothing; only its name, priority and availability matter here. */
    private record Fake(String name, int priority, Availability availability) implements BackendProvider {
        @Override public ComputeBackend create(BackendOptions options) {
            throw new UnsupportedOperationException("fake");
        }
    }

    private static final Fake GPU = new Fake("cuda", 100, Availability.yes("NVIDIA H100"));
    private static final Fake NO_GPU = new Fake("cuda", 100, Availability.no("no CUDA driver found (libcuda.so.1)"));
    private static final Fake CPU = new Fake("cpu", 0, Availability.yes("16 processors"));
    private static final Fake OTHER = new Fake("other", 50, Availability.yes("ok"));

    @Test
    void anExplicitNameWinsOverPriority() {
        assertThat(Backends.select("cpu", List.of(GPU, CPU), null, null)).isSameAs(CPU);
        assertThat(Backends.select(" CPU ", List.of(GPU, CPU), null, null)).as("trimmed, case-insensitive").isSameAs(CPU);
    }

    @Test
    void thenThePropertyThenTheEnvironment() {
        assertThat(Backends.select(null, List.of(GPU, OTHER, CPU), "other", "cpu")).isSameAs(OTHER);
        assertThat(Backends.select("cpu", List.of(GPU, OTHER, CPU), "other", "cuda")).isSameAs(CPU);
        assertThat(Backends.select(null, List.of(GPU, OTHER, CPU), null, "cpu")).isSameAs(CPU);
        assertThat(Backends.select(null, List.of(GPU, OTHER, CPU), "  ", "cpu")).as("blank property is unset").isSameAs(CPU);
        assertThat(Backends.select("", List.of(GPU, OTHER, CPU), null, "other")).isSameAs(OTHER);
    }

    @Test
    void autoTakesTheAvailableProviderOfHighestPriority() {
        assertThat(Backends.select(null, List.of(GPU, CPU), null, null)).isSameAs(GPU);
        assertThat(Backends.select("auto", List.of(GPU, CPU), "cpu", null)).as("explicit auto ignores the property").isSameAs(GPU);
        assertThat(Backends.select(null, List.of(GPU, CPU), "AUTO", "cpu")).isSameAs(GPU);
    }

    /** A provider with a set-up cost and a cost per value, as the GPU and CPU providers estimate. */
    private record Timed(String name, int priority, double setup, double nanosPerCell, boolean perThread) implements BackendProvider {
        @Override public Availability availability() { return Availability.yes("ok"); }

        @Override public double estimateSeconds(Workload w) {
            return setup + w.cells() * nanosPerCell / (perThread ? w.threads() : 1) * 1e-9;
        }

        @Override public ComputeBackend create(BackendOptions options) {
            throw new UnsupportedOperationException("fake");
        }
    }

    @Test
    void autoWithAWorkloadTakesTheLowestEstimateSetUpIncluded() {
        Timed gpu = new Timed("cuda", 100, 0.5, 0.65, false), cpu = new Timed("cpu", 0, 0, 25, true);
        // the S&P 500 over 7 years, 25 columns, 16 threads: 0.03 s on the CPU against 0.51 s with the GPU's set-up
        Workload small = new Workload(503L * 1764, 25, 16);
        assertThat(Backends.select("auto", List.of(gpu, cpu), null, null, small)).isSameAs(cpu);
        // 5,000 series x 25 years: 3.4 s on the CPU, 0.9 s on the GPU
        Workload large = new Workload(5000L * 6300, 25, 16);
        assertThat(Backends.select("auto", List.of(gpu, cpu), null, null, large)).isSameAs(gpu);
        // where it flips: the CPU's 25/16 ns a value against the GPU's 0.65 ns and 0.5 s
        long flip = (long) (0.5e9 / (25.0 / 16 - 0.65)) / 25;
        assertThat(Backends.select("auto", List.of(gpu, cpu), null, null, new Workload(flip - 1000, 25, 16))).isSameAs(cpu);
        assertThat(Backends.select("auto", List.of(gpu, cpu), null, null, new Workload(flip + 1000, 25, 16))).isSameAs(gpu);
        assertThat(Backends.select("cuda", List.of(gpu, cpu), null, null, small)).as("a name is not second-guessed").isSameAs(gpu);
    }

    @Test
    void withoutEstimatesAutoKeepsPriority() {
        assertThat(Backends.select("auto", List.of(GPU, CPU), null, null, new Workload(1, 1, 1))).isSameAs(GPU);
    }

    @Test
    void autoFallsBackPastUnavailableProviders() {
        assertThat(Backends.select("auto", List.of(NO_GPU, CPU), null, null)).isSameAs(CPU);
    }

    @Test
    void autoWithNothingAvailableSaysWhy() {
        assertThatThrownBy(() -> Backends.select("auto", List.of(NO_GPU), null, null))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("no compute backend can run here: cuda: no CUDA driver found (libcuda.so.1)");
        assertThatThrownBy(() -> Backends.select(null, List.of(), null, null))
                .hasMessage("no compute backend can run here (none on the class path; add org.hybridta:hybridta-core)");
    }

    @Test
    void aNamedBackendThatCannotRunFailsInsteadOfFallingBack() {
        assertThatThrownBy(() -> Backends.select("cuda", List.of(NO_GPU, CPU), null, null))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend cuda cannot run here: no CUDA driver found (libcuda.so.1); choose another with --backend (cuda, cpu)"
                        + " or use --backend auto");
        assertThatThrownBy(() -> Backends.select(null, List.of(NO_GPU, CPU), null, "cuda"))
                .as("named by the environment").hasMessageStartingWith("backend cuda cannot run here");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Backends.select("tpu", List.of(GPU, CPU), null, null))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("unknown backend 'tpu' (known: cuda, cpu, auto)");
        assertThatThrownBy(() -> Backends.select("cuda", List.of(CPU), null, null))
                .hasMessage("unknown backend 'cuda' (known: cpu, auto); add org.hybridta:hybridta-cuda to the class path");
    }

    @Test
    void theClassPathOffersTheCpuBackend() {
        assertThat(Backends.providers()).extracting(BackendProvider::name).contains("cpu");
        assertThat(Backends.choose("cpu").name()).isEqualTo("cpu");
    }
}
