package org.hybridta.xsection;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/** Products on the CPU by {@link GramKernel}, over a pool of its own threads. */
final class CpuGramEngine implements GramEngine {
    private final ForkJoinPool pool;
    private final int threads;
    private final AtomicBoolean closed = new AtomicBoolean();

    CpuGramEngine(int threads) {
        this.threads = threads;
        this.pool = new ForkJoinPool(threads);
    }

    @Override public String description() { return "cpu (" + threads + " threads)"; }

    /** Operands stay where they are: in the caller's arrays. */
    private record HeapOperands(int days, int columns, List<double[]> matrices) implements Operands {
        @Override public void close() {}
    }

    @Override public Operands load(int days, int columns, double[]... matrices) {
        for (double[] m : matrices) {
            if (m.length != (long) days * columns) throw new IllegalArgumentException("an operand has " + m.length + " values, not " + days + " x " + columns);
        }
        return new HeapOperands(days, columns, List.of(matrices));
    }

    @Override public void product(Operands operands, int a, int b, int from, int to, double[] out) {
        if (closed.get()) throw new IllegalStateException("the cpu engine is closed");
        HeapOperands ops = (HeapOperands) Objects.requireNonNull(operands, "operands");
        Objects.checkFromToIndex(from, to, ops.days());
        int n = ops.columns();
        GramKernel.product(ops.matrices().get(a), ops.matrices().get(b), n, from, to, a == b, out, pool);
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true)) pool.shutdown();
    }
}
