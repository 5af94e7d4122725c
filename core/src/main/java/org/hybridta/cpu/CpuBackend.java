package org.hybridta.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.functions.Functions;
import org.hybridta.functions.Kernel;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

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
        List<String> columns = checkRequest(panel, indicators);
        int bars = panel.barCount();
        int cells = panel.seriesCount() * bars;
        double[][] out = new double[columns.size()][cells];
        int[] firstColumn = new int[indicators.size()];
        for (int i = 0, c = 0; i < indicators.size(); i++) {
            firstColumn[i] = c;
            c += indicators.get(i).outputs().size();
        }
        // per indicator: its kernel, its input arrays and its slice of the output columns, bound once
        Call[] calls = new Call[indicators.size()];
        for (int i = 0; i < calls.length; i++) calls[i] = Call.of(indicators.get(i), panel, out, firstColumn[i]);

        List<Runnable> tasks = new ArrayList<>();
        int nSeries = panel.seriesCount();
        if (nSeries >= threads || indicators.size() == 1) {
            // whole series per task, in chunks of about equal size
            // four tasks per thread even out series of unequal length
            int chunk = Math.max(1, (nSeries + 4 * threads - 1) / (4 * threads));
            for (int from = 0; from < nSeries; from += chunk) {
                int lo = from, hi = Math.min(nSeries, from + chunk);
                tasks.add(() -> {
                    for (int s = lo; s < hi; s++) {
                        for (Call call : calls) call.run(s, panel.length(s), bars);
                    }
                });
            }
        } else {
            // few long series: one task per (series, indicator)
            for (int s = 0; s < nSeries; s++) {
                for (int i = 0; i < indicators.size(); i++) {
                    int ss = s, ii = i;
                    tasks.add(() -> calls[ii].run(ss, panel.length(ss), bars));
                }
            }
        }
        execute(tasks);
        return IndicatorValues.of(panel, columns, out);
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

    /** Checks fields and column names; returns the output columns in order. */
    static List<String> checkRequest(Panel panel, List<? extends Indicator> indicators) {
        if (indicators.isEmpty()) throw new IllegalArgumentException("no indicators to compute");
        for (Indicator ind : indicators) {
            // in Field order: inputs() is a Set.of, whose iteration order changes from run to run
            List<String> missing = new ArrayList<>();
            for (Field f : Field.values()) {
                if (ind.inputs().contains(f) && !panel.has(f)) missing.add(f.columnName());
            }
            if (!missing.isEmpty()) {
                int last = missing.size() - 1;
                String fields = last == 0 ? missing.get(0) : String.join(", ", missing.subList(0, last)) + " and " + missing.get(last);
                throw new IllegalArgumentException(ind.spec() + " needs " + fields + " values, which the panel lacks");
            }
        }
        List<String> columns = Indicators.columns(indicators);
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) throw new IllegalArgumentException("column " + c + " would be computed twice; list each indicator once");
        }
        return columns;
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true) && pool != null) pool.shutdownNow();
    }

    /** One indicator's kernel with its input arrays and its output columns. */
    private record Call(Kernel kernel, double[][] in, double[][] out) {
        static Call of(Indicator ind, Panel panel, double[][] columns, int firstColumn) {
            double[][] in = new double[ind.inputFields().size()][];
            for (int k = 0; k < in.length; k++) in[k] = panel.data(ind.inputFields().get(k));
            return new Call(Functions.kernel(ind), in, Arrays.copyOfRange(columns, firstColumn, firstColumn + ind.outputs().size()));
        }

        /** Computes series {@code s} and pads its outputs after the series' end with NaN. */
        void run(int s, int len, int bars) {
            int off = s * bars;
            kernel.compute(in, off, len, out);
            for (double[] o : out) Arrays.fill(o, off + len, off + bars, Double.NaN);
        }
    }
}
