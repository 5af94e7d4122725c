package org.hybridta.backend;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.Buffer;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.junit.jupiter.api.Test;

/** The output checks of a backend that computes in one precision (the CUDA backend's). */
class HostBuffersTest {
    private static final HostPanel PANEL = HostPanel.builder(2, 5).field(Field.CLOSE, HostBuffers.allocate(80).asDoubleBuffer()).build();

    @Test void aBackendOfOnePrecisionTakesOnlyItsElementType() {
        List<Buffer> doubles = List.of(HostBuffers.allocate(80).asDoubleBuffer());
        List<Buffer> floats = List.of(HostBuffers.allocate(40).asFloatBuffer());
        assertThatCode(() -> HostBuffers.checkOutputs(PANEL, List.of("ema_3"), doubles, Precision.DOUBLE)).doesNotThrowAnyException();
        assertThatCode(() -> HostBuffers.checkOutputs(PANEL, List.of("ema_3"), floats, Precision.FLOAT)).doesNotThrowAnyException();
        assertThatThrownBy(() -> HostBuffers.checkOutputs(PANEL, List.of("ema_3"), floats, Precision.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column ema_3: a FloatBuffer, but this backend computes in double precision: pass a DoubleBuffer, or open the backend with Precision.FLOAT");
        assertThatThrownBy(() -> HostBuffers.checkOutputs(PANEL, List.of("ema_3"), doubles, Precision.FLOAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column ema_3: a DoubleBuffer, but this backend computes in float precision: pass a FloatBuffer, or open the backend with Precision.DOUBLE");
        // a float buffer is counted in floats: 10 floats are 40 bytes
        assertThatThrownBy(() -> HostBuffers.checkOutputs(PANEL, List.of("ema_3"), List.of(HostBuffers.allocate(36).asFloatBuffer()), Precision.FLOAT))
                .hasMessage("column ema_3: the buffer holds 9 values, 10 needed");
    }
}
