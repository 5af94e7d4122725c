package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.hybridta.Field;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.conformance.BackendConformanceTest;
import org.junit.jupiter.api.Test;

/** The mapping from specs to kernel launches. Runs without a GPU. */
class KernelCallTest {
    @Test void everyCatalogIndicatorHasAKernelReadingItsFieldsAndWritingItsOutputs() {
        Set<Class<?>> covered = new HashSet<>();
        for (Indicator ind : BackendConformanceTest.specs()) {
            KernelCall c = KernelCall.of(ind);
            assertThat(new HashSet<>(c.inputs())).as(ind.spec()).isEqualTo(ind.inputs());
            assertThat(c.outputs()).as(ind.spec()).isEqualTo(ind.outputs().size());
            assertThat(c.kernel()).isEqualTo(ind.name());
            covered.add(ind.getClass());
        }
        assertThat(covered).containsExactlyInAnyOrder(Indicator.class.getPermittedSubclasses());
    }

    @Test void parametersFollowTheKernelSignatures() {
        assertThat(KernelCall.of(Indicators.ema(12)).ints()).containsExactly(12);
        assertThat(KernelCall.of(Indicators.wma(10)).ints()).containsExactly(10, 55);
        assertThat(KernelCall.of(Indicators.macd(12, 26, 9)).ints()).containsExactly(12, 26, 9);
        assertThat(KernelCall.of(Indicators.bbands(20, 2.5)).doubles()).containsExactly(2.5);
        assertThat(KernelCall.of(Indicators.stoch(14, 3, 5)).ringDoubles()).isEqualTo(2 * 14 + 8);
        assertThat(KernelCall.of(Indicators.willr(14)).ringDoubles()).isEqualTo(28);
        // the sliding extremes of WILLR and STOCH keep their rings in shared memory, whatever the window
        assertThat(KernelCall.of(Indicators.willr(14)).ringInRegisters()).isFalse();
        assertThat(KernelCall.of(Indicators.willr(14)).ringInShared()).isTrue();
        assertThat(KernelCall.of(Indicators.willr(14)).sharedBytes()).isEqualTo(28 * 8 * 32);
        assertThat(KernelCall.of(Indicators.willr(14)).globalRingDoubles()).isZero();
        assertThat(KernelCall.of(Indicators.stoch(14, 3, 3)).sharedBytes()).isEqualTo((28 + 3 + 3) * 8 * 32);
        assertThat(KernelCall.of(Indicators.willr(200)).ringInShared()).isFalse();
        assertThat(KernelCall.of(Indicators.willr(200)).globalRingDoubles()).isEqualTo(400);
        // CCI keeps rings of up to 32 slots in registers: no memory reserved for them
        assertThat(KernelCall.of(Indicators.cci(20)).ringInRegisters()).isTrue();
        assertThat(KernelCall.of(Indicators.cci(32)).sharedBytes()).isZero();
        assertThat(KernelCall.of(Indicators.cci(33)).sharedBytes()).isEqualTo(33 * 8 * 32);
        assertThat(KernelCall.of(Indicators.mfi(2)).sharedBytes()).isEqualTo(4 * 8 * 32);
        // MFI runs on two warps a group (mfiSplit), everything else on one
        assertThat(KernelCall.of(Indicators.mfi(2)).warps()).isEqualTo(2);
        assertThat(KernelCall.of(Indicators.ema(10)).warps()).isEqualTo(1);
        assertThat(KernelCall.of(Indicators.cci(1000)).ringInShared()).isFalse();
        assertThat(KernelCall.of(Indicators.cci(1000)).globalRingDoubles()).isEqualTo(1000);
        assertThat(KernelCall.of(Indicators.ema(10)).sharedBytes()).isZero();
        assertThat(KernelCall.of(Indicators.cci(20)).ringDoubles()).isEqualTo(20);
        assertThat(KernelCall.of(Indicators.mfi(14)).ringDoubles()).isEqualTo(28);
        assertThat(KernelCall.of(Indicators.mfi(14)).inputs()).containsExactly(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(KernelCall.of(Indicators.obv()).inputs()).containsExactly(Field.CLOSE, Field.VOLUME);
        assertThat(KernelCall.of(Indicators.adx(14)).inputs()).containsExactly(Field.HIGH, Field.LOW, Field.CLOSE);
        assertThat(KernelCall.of(Indicators.rsi(14)).entry(Precision.DOUBLE)).isEqualTo("rsi_f64");
        assertThat(KernelCall.of(Indicators.rsi(14)).entry(Precision.FLOAT)).isEqualTo("rsi_f32");
    }
}
