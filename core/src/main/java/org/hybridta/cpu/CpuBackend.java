package org.hybridta.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.ComputeRequests;
import org.hybridta.indicator.Indicator;

/**
 * Computes on the CPU: the panel is cut into tasks of whole series (or, when there are fewer series than
 * threads, of single indicators of a series) run on the backend's own pool. Safe for concurrent use.
 */
final class CpuBackend implements ComputeBackend {
    private final int threads;
    private final ForkJoinPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    CpuBackend(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    @Override public String name() { return CpuBackendProvider.NAME; }

    @Override public String description() { return "cpu (" + threads + " threads, double)"; }

    @Override public IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
        if (closed.get()) throw new IllegalStateException("the cpu backend is closed");
        List<String> columns = ComputeRequests.check(panel.fields(), indicators);
        int bars = panel.barCount();
        int cells = panel.seriesCount() * bars;
        double[][] out = new double[columns.size()][cells];
        int[] firstColumn = new int[indicators.size()];
        for (int i = 0, c = 0; i < indicators.size(); i++) {
            firstColumn[i] = c;
            c += indicators.get(i).outputs().size();
        }
        Inputs in = Inputs.of(panel);

        List<Runnable> tasks = new ArrayList<>();
        int nSeries = panel.seriesCount();
        if (nSeries >= threads || indicators.size() == 1) {
            // whole series per task, in chunks of about equal size
            // four tasks per thread even out series of unequal length
            int chunk = Math.max(1, (nSeries + 4 * threads - 1) / (4 * threads));
            for (int from = 0; from < nSeries; from += chunk) {
                int lo = from, hi = Math.min(nSeries, from + chunk);
                tasks.add(() -> {
                    CpuKernels.Scratch scratch = new CpuKernels.Scratch();
                    for (int s = lo; s < hi; s++) {
                        for (int i = 0; i < indicators.size(); i++) {
                            run(indicators.get(i), in, s, panel.length(s), bars, out, firstColumn[i], scratch);
                        }
                    }
                });
            }
        } else {
            // few long series: one task per (series, indicator)
            for (int s = 0; s < nSeries; s++) {
                for (int i = 0; i < indicators.size(); i++) {
                    int ss = s, ii = i;
                    tasks.add(() -> run(indicators.get(ii), in, ss, panel.length(ss), bars, out, firstColumn[ii], new CpuKernels.Scratch()));
                }
            }
        }
        execute(tasks);
        return IndicatorValues.of(panel, columns, out);
    }

    private static void run(Indicator ind, Inputs in, int s, int len, int bars, double[][] out, int firstColumn,
                            CpuKernels.Scratch scratch) {
        int off = s * bars;
        CpuKernels.compute(ind, in, off, len, out, firstColumn, scratch);
        // padding after the series' end
        int nOut = ind.outputs().size();
        for (int k = 0; k < nOut; k++) java.util.Arrays.fill(out[firstColumn + k], off + len, off + bars, Double.NaN);
    }

    private void execute(List<Runnable> tasks) {
        if (pool == null || tasks.size() == 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks.size());
        for (Runnable t : tasks) futures.add(pool.submit(t));
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true) && pool != null) pool.shutdownNow();
    }

    /** The panel's arrays, looked up once per compute call; absent fields are null. */
    record Inputs(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        static Inputs of(Panel p) {
            return new Inputs(field(p, Field.OPEN), field(p, Field.HIGH), field(p, Field.LOW), field(p, Field.CLOSE),
                    field(p, Field.VOLUME));
        }

        private static double[] field(Panel p, Field f) {
            return p.has(f) ? p.data(f) : null;
        }
    }
}
