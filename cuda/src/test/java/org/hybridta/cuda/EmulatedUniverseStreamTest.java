package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.indicator.Indicators;
import org.hybridta.stream.UniverseStream;
import org.hybridta.stream.UniverseStreamConformanceTest;
import org.hybridta.stream.UniverseStreams;
import org.hybridta.stream.UniverseSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GPU universe stream — {@link CudaUniverseStream} with stream.cu's kernels compiled for the CPU
 * ({@link EmulatedStreamDevice}) — against the universe-stream conformance suite: the batch values bit for bit.
 * Runs without a GPU (needs g++); {@link CudaUniverseStreamGpuTest} runs the same suite on the device.
 */
class EmulatedUniverseStreamTest extends UniverseStreamConformanceTest {
    @BeforeAll static void needEmulator() {
        String why = EmulatedStreamDevice.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @Override protected String backend() { return "cuda-emulated"; }

    @Test void specsWithoutAGpuStepAreNamed() {
        String specs = "rsi,kama:10,bbands:20:2:2:t3,stoch:5:3:sma:3:sma";
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A")).indicators(specs).backend(backend()).build())
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("it does not stream kama:10, bbands:20:2:2:t3;").hasMessageNotContaining("rsi")
                .hasMessageContaining("bbands");
        // opened directly (past the choice), the stream refuses them too, listing them
        var spec = new UniverseSpec(List.of("A"), Indicators.parseList(specs), 1, 0, java.util.Map.of());
        assertThatThrownBy(() -> new EmulatedStreamDevice.Provider().open(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kama:10, bbands:20:2:2:t3").hasMessageContaining("--backend cpu");
        // auto passes over a provider that does not stream them (here the emulated one never wins auto anyway)
        try (UniverseStream u = UniverseStreams.builder().symbols(List.of("A")).indicators(specs).backend("auto").build()) {
            assertThat(u.backend()).isEqualTo("cpu");
        }
    }
}
