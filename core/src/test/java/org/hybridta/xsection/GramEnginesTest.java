package org.hybridta.xsection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendUnavailableException;
import org.junit.jupiter.api.Test;

class GramEnginesTest {
    static GramEngineProvider fake(String name, int priority, Availability a) {
        return new GramEngineProvider() {
            @Override public String name() { return name; }
            @Override public int priority() { return priority; }
            @Override public Availability availability() { return a; }
            @Override public GramEngine create(BackendOptions options) { throw new UnsupportedOperationException(); }
        };
    }

    static final GramEngineProvider CPU = new CpuGramEngineProvider();
    static final GramEngineProvider GPU_MISSING = fake("cuda", 100, Availability.no("no NVIDIA driver found"));

    @Test void theCpuEngineIsFoundByServiceLoader() {
        assertThat(GramEngines.providers()).extracting(GramEngineProvider::name).contains("cpu");
    }

    @Test void autoFallsBackAndAnExplicitNameDoesNot() {
        assertThat(GramEngines.select(null, List.of(GPU_MISSING, CPU), null, null).name()).isEqualTo("cpu");
        assertThat(GramEngines.select("auto", List.of(GPU_MISSING, CPU), "cuda", null).name()).isEqualTo("cpu");
        assertThatThrownBy(() -> GramEngines.select("CUDA", List.of(GPU_MISSING, CPU), null, null))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("cross-section engine cuda cannot run here: no NVIDIA driver found; choose another with --backend (cuda, cpu) or use --backend auto");
        assertThat(GramEngines.select(null, List.of(GPU_MISSING, CPU), null, "cpu").name()).isEqualTo("cpu");
        assertThatThrownBy(() -> GramEngines.select(null, List.of(CPU), "cuda", null))
                .hasMessage("unknown cross-section engine 'cuda' (known: cpu, auto); add org.hybridta:hybridta-cuda to the class path");
        assertThat(GramEngines.select(null, List.of(fake("cuda", 100, Availability.yes("H200")), CPU), null, null).name()).isEqualTo("cuda");
    }
}
