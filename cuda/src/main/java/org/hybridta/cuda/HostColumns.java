package org.hybridta.cuda;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import jcuda.Pointer;

/**
 * Where a call's values live on the host: inputs (in field order) and outputs (in column order), as Java arrays
 * ({@link CudaBackend#compute}) or as direct buffers ({@link CudaBackend#computeInto}). A buffer with a {@code direct}
 * pointer is page-locked and moves by DMA between its chunk regions and the device; every other column goes through
 * the slots' pinned staging with a host copy, which {@link #fill} and {@link #drain} cut into tasks.
 */
sealed interface HostColumns permits HostColumns.Arrays, HostColumns.Buffers {
    /** Series lengths. */
    int[] lengths();

    /** Page-locked memory at input {@code k}'s index 0, or null: the column goes through staging. */
    Pointer inDirect(int k);

    /** Page-locked memory at output {@code j}'s index 0, or null: the column goes through staging. */
    Pointer outDirect(int j);

    /** Input columns. */
    int inputs();

    /** Output columns. */
    int outputs();

    /** Adds the tasks that copy elements [from, from + n) of input {@code k} into {@code staging} at {@code base}. */
    void fill(int k, DoubleBuffer staging, long base, long from, long n, Ranges ranges);

    /**
     * Adds the tasks that copy {@code n} elements from the staging at {@code base} (double, or float when {@code f} is
     * not null) into output {@code j} at {@code dst}.
     */
    void drain(int j, DoubleBuffer d, FloatBuffer f, long base, long dst, long n, Ranges ranges);

    /** Cuts a copy of {@code n} elements into tasks. */
    interface Ranges {
        void split(long n, RangeTask task);
    }

    /** One piece of a copy. */
    interface RangeTask {
        void run(long offset, int length);
    }

    /**
     * Java arrays: never page-locked. The result arrays are filled in by the pool while the first chunks run (read only
     * after they are allocated), hence the array of columns rather than the columns.
     */
    record Arrays(int[] lengths, double[][] in, double[][] out) implements HostColumns {
        @Override public Pointer inDirect(int k) { return null; }

        @Override public Pointer outDirect(int j) { return null; }

        @Override public int inputs() { return in.length; }

        @Override public int outputs() { return out.length; }

        @Override public void fill(int k, DoubleBuffer staging, long base, long from, long n, Ranges ranges) {
            double[] src = in[k];
            ranges.split(n, (off, len) -> staging.put((int) (base + off), src, (int) (from + off), len));
        }

        @Override public void drain(int j, DoubleBuffer d, FloatBuffer f, long base, long dst, long n, Ranges ranges) {
            ranges.split(n, (off, len) -> {
                double[] o = out[j];
                int s = (int) (base + off), t = (int) (dst + off);
                if (f != null) {
                    for (int i = 0; i < len; i++) o[t + i] = f.get(s + i);
                } else {
                    d.get(s, o, t, len);
                }
            });
        }
    }

    /** Direct buffers, each page-locked by the backend ({@code direct} pointer) or not (null: through staging). */
    record Buffers(int[] lengths, DoubleBuffer[] in, Pointer[] inDirect, Buffer[] out, Pointer[] outDirect) implements HostColumns {
        @Override public Pointer inDirect(int k) { return inDirect[k]; }

        @Override public Pointer outDirect(int j) { return outDirect[j]; }

        @Override public int inputs() { return in.length; }

        @Override public int outputs() { return out.length; }

        @Override public void fill(int k, DoubleBuffer staging, long base, long from, long n, Ranges ranges) {
            DoubleBuffer src = in[k];
            ranges.split(n, (off, len) -> staging.put((int) (base + off), src, (int) (from + off), len));
        }

        @Override public void drain(int j, DoubleBuffer d, FloatBuffer f, long base, long dst, long n, Ranges ranges) {
            if (f != null) {
                FloatBuffer o = (FloatBuffer) out[j];
                ranges.split(n, (off, len) -> o.put((int) (dst + off), f, (int) (base + off), len));
            } else {
                DoubleBuffer o = (DoubleBuffer) out[j];
                ranges.split(n, (off, len) -> o.put((int) (dst + off), d, (int) (base + off), len));
            }
        }
    }
}
