package org.hybridta.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.HostBuffers;
import org.hybridta.conformance.HostPanels;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code computeInto}'s default (through a heap panel) on the CPU backend, and the checks every backend shares. */
class CpuComputeIntoTest {
    private static ComputeBackend cpu;
    /** Ragged: an empty series, one shorter than most lookbacks, full ones. */
    private static final Panel PANEL = RandomBars.raggedPanel(11, 400, 0, 7, 400, 399, 250);
    private static final List<Indicator> SPECS = Indicators.parseList("ema:20,macd:12:26:9,bbands:20:2,adx:14,obv,stoch:14:3:sma:3,minmaxindex:5");

    @BeforeAll static void open() { cpu = new CpuBackend(2); }

    @AfterAll static void close() { cpu.close(); }

    private static int cells() { return PANEL.seriesCount() * PANEL.barCount(); }

    @Test void equalsComputeBitForBit() {
        HostPanel host = HostPanels.copy(PANEL, cpu::allocateHostBuffer);
        List<String> columns = Indicators.columns(SPECS);
        List<Buffer> out = HostPanels.outputs(columns.size(), cells(), false, cpu::allocateHostBuffer);
        cpu.computeInto(host, SPECS, out);
        IndicatorValues ref = cpu.compute(PANEL, SPECS);
        for (int c = 0; c < columns.size(); c++) {
            double[] got = HostPanels.read(out.get(c), cells());
            for (int i = 0; i < got.length; i++) {
                if (Double.doubleToLongBits(got[i]) != Double.doubleToLongBits(ref.data(c)[i])) {
                    throw new AssertionError(columns.get(c) + " at " + i + ": " + got[i] + " but compute " + ref.data(c)[i]);
                }
            }
        }
    }

    @Test void floatBuffersGetTheDoubleResultsNarrowed() {
        HostPanel host = HostPanels.copy(PANEL, cpu::allocateHostBuffer);
        List<String> columns = Indicators.columns(SPECS);
        List<Buffer> out = HostPanels.outputs(columns.size(), cells(), true, cpu::allocateHostBuffer);
        out.set(0, HostPanels.outputs(1, cells(), false, cpu::allocateHostBuffer).get(0));  // types may be mixed
        cpu.computeInto(host, SPECS, out);
        IndicatorValues ref = cpu.compute(PANEL, SPECS);
        assertThat(HostPanels.read(out.get(0), cells())).isEqualTo(ref.data(0));
        for (int c = 1; c < columns.size(); c++) {
            FloatBuffer f = (FloatBuffer) out.get(c);
            for (int i = 0; i < cells(); i++) {
                float want = (float) ref.data(c)[i];
                if (Float.floatToIntBits(f.get(i)) != Float.floatToIntBits(want)) {
                    throw new AssertionError(columns.get(c) + " at " + i + ": " + f.get(i) + " but " + want);
                }
            }
        }
    }

    @Test void positionsAndLimitsStayAndNothingPastTheCellsIsWritten() {
        HostPanel host = HostPanels.copy(PANEL, cpu::allocateHostBuffer);
        DoubleBuffer out = cpu.allocateHostBuffer((cells() + 3L) * Double.BYTES).asDoubleBuffer();
        for (int i = 0; i < cells() + 3; i++) out.put(i, 42);
        out.position(17).limit(20);
        cpu.computeInto(host, List.of(Indicators.ema(5)), List.of(out));
        assertThat(out.position()).isEqualTo(17);
        assertThat(out.limit()).isEqualTo(20);
        DoubleBuffer all = out.duplicate().clear();
        for (int i = cells(); i < cells() + 3; i++) assertThat(all.get(i)).isEqualTo(42);
        assertThat(all.get(cells() - 1)).isNaN();  // the last series ends before the last bar slot
        assertThat(HostPanels.read(out, cells())).isEqualTo(cpu.compute(PANEL, List.of(Indicators.ema(5))).data(0));
    }

    @Test void badOutputBuffersAreRefusedByColumn() {
        HostPanel host = HostPanels.copy(PANEL, cpu::allocateHostBuffer);
        List<Indicator> macd = List.of(Indicators.macd(12, 26, 9));
        List<Buffer> good = HostPanels.outputs(3, cells(), false, cpu::allocateHostBuffer);
        assertThatThrownBy(() -> cpu.computeInto(host, macd, good.subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 output buffers for 3 columns (macd_12_26_9_macd, macd_12_26_9_macdsignal, macd_12_26_9_macdhist); pass one buffer per column, in this order");
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 1, DoubleBuffer.allocate(cells()))))
                .hasMessageStartingWith("column macd_12_26_9_macdsignal: the buffer is a heap buffer, not direct");
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 2, cpu.allocateHostBuffer(8L * (cells() - 1)).asDoubleBuffer())))
                .hasMessage("column macd_12_26_9_macdhist: the buffer holds " + (cells() - 1) + " values, " + cells() + " needed");
        ByteOrder other = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 0, ByteBuffer.allocateDirect(8 * cells()).order(other).asDoubleBuffer())))
                .hasMessageStartingWith("column macd_12_26_9_macd: the buffer's byte order is " + other);
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 0, ByteBuffer.allocateDirect(8 * cells()).asIntBuffer())))
                .hasMessage("column macd_12_26_9_macd: a " + ByteBuffer.allocateDirect(8).asIntBuffer().getClass().getSimpleName()
                        + "; outputs are DoubleBuffers or FloatBuffers");
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 1, ((DoubleBuffer) good.get(1)).asReadOnlyBuffer())))
                .hasMessage("column macd_12_26_9_macdsignal: the buffer is read-only");
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 2, null))).hasMessage("column macd_12_26_9_macdhist: no output buffer (null)");
        assertThatThrownBy(() -> cpu.computeInto(host, macd, with(good, 2, good.get(0))))
                .hasMessage("columns macd_12_26_9_macd and macd_12_26_9_macdhist are given the same buffer; pass one buffer per column");
    }

    @Test void missingFieldsAndEmptyRequestsAreRefusedBeforeAnyCopy() {
        HostPanel closeOnly = HostPanel.builder(1, 10).field(Field.CLOSE, cpu.allocateHostBuffer(80).asDoubleBuffer()).build();
        List<Buffer> one = HostPanels.outputs(1, 10, false, cpu::allocateHostBuffer);
        assertThatThrownBy(() -> cpu.computeInto(closeOnly, List.of(Indicators.obv()), one))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("obv needs volume values, which the panel lacks");
        assertThatThrownBy(() -> cpu.computeInto(closeOnly, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no indicators to compute");
    }

    @Test void hostBuffersArePageAlignedNativeAndBounded() {
        for (long bytes : new long[] {0, 1, 4095, 4096, 4097, 1 << 20}) {
            ByteBuffer b = cpu.allocateHostBuffer(bytes);
            assertThat(b.isDirect()).isTrue();
            assertThat(b.capacity()).isEqualTo((int) bytes);
            assertThat(b.order()).isEqualTo(ByteOrder.nativeOrder());
            assertThat(b.alignmentOffset(0, HostBuffers.PAGE_BYTES)).as("%d bytes", bytes).isZero();
        }
        assertThatThrownBy(() -> cpu.allocateHostBuffer(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> cpu.allocateHostBuffer(HostBuffers.MAX_BYTES + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one direct buffer holds").hasMessageContaining("split the panel");
        // 10,000 x 25,000 doubles fit in one buffer
        assertThat(HostBuffers.MAX_BYTES).isGreaterThanOrEqualTo(10_000L * 25_000 * Double.BYTES);
    }

    private static List<Buffer> with(List<Buffer> buffers, int index, Buffer replacement) {
        List<Buffer> copy = new ArrayList<>(buffers);
        copy.set(index, replacement);
        return copy;
    }
}
