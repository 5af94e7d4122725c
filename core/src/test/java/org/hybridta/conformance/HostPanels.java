package org.hybridta.conformance;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.Panel;

/** Host panels and output buffers for tests of {@code computeInto}: copies of heap panels into direct memory, and back. */
public final class HostPanels {
    private HostPanels() {}

    /** A host panel with the same symbols, lengths and values as {@code panel}, its buffers from {@code allocate} (bytes). */
    public static HostPanel copy(Panel panel, LongFunction<ByteBuffer> allocate) {
        int cells = panel.seriesCount() * panel.barCount();
        HostPanel.Builder b = HostPanel.builder(panel.seriesCount(), panel.barCount())
                .shape(panel.shape());
        for (Field f : panel.fields()) {
            DoubleBuffer d = allocate.apply((long) cells * Double.BYTES).asDoubleBuffer();
            d.put(0, panel.data(f), 0, cells);
            b.field(f, d);
        }
        return b.build();
    }

    /** {@code n} output buffers of {@code cells} values each, DoubleBuffers or FloatBuffers, filled with a marker value. */
    public static List<Buffer> outputs(int n, int cells, boolean floats, LongFunction<ByteBuffer> allocate) {
        List<Buffer> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            ByteBuffer bytes = allocate.apply((long) cells * (floats ? Float.BYTES : Double.BYTES));
            if (floats) {
                FloatBuffer f = bytes.asFloatBuffer();
                for (int i = 0; i < cells; i++) f.put(i, -7.5f);  // overwritten everywhere, NaN padding included
                out.add(f);
            } else {
                DoubleBuffer d = bytes.asDoubleBuffer();
                for (int i = 0; i < cells; i++) d.put(i, -7.5);
                out.add(d);
            }
        }
        return out;
    }

    /** The first {@code cells} values of a DoubleBuffer or FloatBuffer, as doubles. */
    public static double[] read(Buffer b, int cells) {
        double[] v = new double[cells];
        if (b instanceof DoubleBuffer d) {
            d.duplicate().clear().get(0, v, 0, cells);
        } else {
            FloatBuffer f = ((FloatBuffer) b).duplicate().clear();
            for (int i = 0; i < cells; i++) v[i] = f.get(i);
        }
        return v;
    }
}
