package org.hybridta.backend;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;

/**
 * For implementations of {@link ComputeBackend#allocateHostBuffer} and {@link ComputeBackend#computeInto}: page-aligned
 * direct buffers, and the checks of a request's output buffers, so that every backend refuses the same things with the
 * same words.
 */
public final class HostBuffers {
    /** The alignment of {@link #allocate} buffers: a page on the platforms HybridTA runs on. */
    public static final int PAGE_BYTES = 4096;
    /** The largest {@link #allocate} buffer: a direct buffer's size is an {@code int}, and a page is added to align it. */
    public static final long MAX_BYTES = (Integer.MAX_VALUE - PAGE_BYTES) / PAGE_BYTES * (long) PAGE_BYTES;

    private HostBuffers() {}

    /**
     * A direct buffer of exactly {@code bytes} bytes in the platform's byte order, starting on a page boundary and
     * sharing no page with any other buffer (its memory is rounded up to whole pages), so that it can be page-locked
     * on its own. Its memory is freed by the garbage collector once the buffer (or a view of it) is unreachable.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative or above {@link #MAX_BYTES}
     */
    public static ByteBuffer allocate(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("a host buffer of " + bytes + " bytes: the size must be >= 0");
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a host buffer of " + bytes + " bytes is more than one direct buffer holds (" + MAX_BYTES
                    + " bytes, about 2 GB); split the panel by series into several computeInto calls");
        }
        long pages = (bytes + PAGE_BYTES - 1) / PAGE_BYTES;
        ByteBuffer raw = ByteBuffer.allocateDirect((int) ((pages + 1) * PAGE_BYTES));
        return raw.alignedSlice(PAGE_BYTES).slice(0, (int) bytes).order(ByteOrder.nativeOrder());
    }

    /**
     * Checks the output buffers of a {@link ComputeBackend#computeInto computeInto} request for a backend that can
     * write either element type: one per column, each a {@link DoubleBuffer} or a {@link FloatBuffer} (narrowed),
     * direct, writable, in the platform's byte order, holding at least {@code panel.shape().cells()} values, no buffer twice.
     *
     * @throws IllegalArgumentException naming the column and the problem
     */
    public static void checkOutputs(HostPanel panel, List<String> columns, List<? extends Buffer> outputs) {
        check(panel, columns, outputs, null);
    }

    /**
     * Like {@link #checkOutputs(HostPanel, List, List)} for a backend that computes in {@code precision}: every
     * output a {@link DoubleBuffer} for {@link Precision#DOUBLE}, a {@link FloatBuffer} for {@link Precision#FLOAT}.
     */
    public static void checkOutputs(HostPanel panel, List<String> columns, List<? extends Buffer> outputs, Precision precision) {
        check(panel, columns, outputs, Objects.requireNonNull(precision, "precision"));
    }

    private static void check(HostPanel panel, List<String> columns, List<? extends Buffer> outputs, Precision precision) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.size() != columns.size()) {
            throw new IllegalArgumentException(outputs.size() + " output buffers for " + columns.size() + " columns (" + String.join(", ", columns)
                    + "); pass one buffer per column, in this order");
        }
        Map<Buffer, String> seen = new IdentityHashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            String column = columns.get(j);
            Buffer b = outputs.get(j);
            String problem = problem(b, panel.shape().cells(), precision);
            if (problem != null) throw new IllegalArgumentException("column " + column + ": " + problem);
            String other = seen.put(b, column);
            if (other != null) {
                throw new IllegalArgumentException("columns " + other + " and " + column + " are given the same buffer; pass one buffer per column");
            }
        }
    }

    private static String problem(Buffer b, long cells, Precision precision) {
        if (b == null) return "no output buffer (null)";
        boolean isDouble = b instanceof DoubleBuffer, isFloat = b instanceof FloatBuffer;
        if (!isDouble && !isFloat) return "a " + b.getClass().getSimpleName() + "; outputs are DoubleBuffers or FloatBuffers";
        if (precision == Precision.DOUBLE && !isDouble) {
            return "a FloatBuffer, but this backend computes in double precision: pass a DoubleBuffer, or open the backend with Precision.FLOAT";
        }
        if (precision == Precision.FLOAT && !isFloat) {
            return "a DoubleBuffer, but this backend computes in float precision: pass a FloatBuffer, or open the backend with Precision.DOUBLE";
        }
        if (b.isReadOnly()) return "the buffer is read-only";
        if (!b.isDirect()) {
            return "the buffer is a heap buffer, not direct; allocate it with ComputeBackend.allocateHostBuffer (or ByteBuffer.allocateDirect)"
                    + " and view it with order(ByteOrder.nativeOrder())";
        }
        ByteOrder order = isDouble ? ((DoubleBuffer) b).order() : ((FloatBuffer) b).order();
        if (order != ByteOrder.nativeOrder()) {
            return "the buffer's byte order is " + order + ", not the platform's " + ByteOrder.nativeOrder()
                    + "; view the bytes with order(ByteOrder.nativeOrder()) before asDoubleBuffer() or asFloatBuffer()";
        }
        if (b.capacity() < cells) return "the buffer holds " + b.capacity() + " values, " + cells + " needed";
        return null;
    }

    /** Writes each column of {@code values} into its buffer from index 0, narrowing to float where the buffer is a FloatBuffer. */
    static void copyOut(IndicatorValues values, List<? extends Buffer> outputs, int cells) {
        for (int j = 0; j < outputs.size(); j++) {
            double[] src = values.data(j);
            Buffer b = outputs.get(j);
            // a duplicate, up to the capacity: the caller's position and limit stay as they are
            if (b instanceof DoubleBuffer d) {
                d.duplicate().clear().put(0, src, 0, cells);
            } else {
                FloatBuffer f = ((FloatBuffer) b).duplicate().clear();
                for (int i = 0; i < cells; i++) f.put(i, (float) src[i]);
            }
        }
    }
}
