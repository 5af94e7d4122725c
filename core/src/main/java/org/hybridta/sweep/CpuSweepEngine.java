package org.hybridta.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hybridta.Field;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeRequests;
import org.hybridta.backend.Precision;
import org.hybridta.functions.Functions;
import org.hybridta.functions.Kernel;
import org.hybridta.indicator.Indicator;

/**
 * Sweeps and screens on the CPU: the CPU backend's kernels, series spread over the engine's threads; per series every
 * parameter set in turn, reduced while the series' outputs are still in the cache.
 */
final class CpuSweepEngine implements SweepEngine {
    private final int threads;
    private final ForkJoinPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    CpuSweepEngine(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    @Override public String description() { return "cpu (" + threads + " threads)"; }

    @Override public boolean supports(Indicator indicator) { return true; }

    @Override public SweepCube cube(Panel panel, Sweep sweep, Precision precision) {
        List<Indicator> specs = checked(panel, sweep);
        int bars = panel.barCount(), cells = Math.toIntExact(panel.shape().cells()), outs = sweep.function().outputs().size();
        Kernel[] kernels = kernels(specs);
        boolean single = precision == Precision.FLOAT;
        double[][] d = single ? null : new double[specs.size() * outs][cells];
        float[][] f = single ? new float[specs.size() * outs][cells] : null;
        double[][] inputs = inputs(panel, specs.get(0));
        forSeries(panel, (lo, hi) -> {
            double[][] tmp = single ? new double[outs][bars] : null;
            double[][] in = single ? new double[inputs.length][bars] : null;
            double[][] view = new double[outs][];
            for (int s = lo; s < hi; s++) {
                int len = panel.length(s), off = s * bars;
                if (single) for (int k = 0; k < in.length; k++) System.arraycopy(inputs[k], off, in[k], 0, len);
                for (int set = 0; set < kernels.length; set++) {
                    if (single) {
                        kernels[set].compute(in, 0, len, tmp);
                        for (int o = 0; o < outs; o++) {
                            float[] dst = f[set * outs + o];
                            for (int t = 0; t < len; t++) dst[off + t] = (float) tmp[o][t];
                            Arrays.fill(dst, off + len, off + bars, Float.NaN);
                        }
                    } else {
                        for (int o = 0; o < outs; o++) view[o] = d[set * outs + o];
                        kernels[set].compute(inputs, off, len, view);
                        for (double[] o : view) Arrays.fill(o, off + len, off + bars, Double.NaN);
                    }
                }
            }
        });
        return single ? SweepCube.ofFloats(sweep, panel.shape(), f) : SweepCube.ofDoubles(sweep, panel.shape(), d);
    }

    @Override public SweepSummary reduce(Panel panel, Sweep sweep, int[] from, List<Reduction> reductions, Precision precision) {
        List<Indicator> specs = checked(panel, sweep);
        Sweeps.checkReduce(panel, from, reductions);
        int bars = panel.barCount(), n = panel.seriesCount(), outs = sweep.function().outputs().size();
        Kernel[] kernels = kernels(specs);
        double[] levels = Reduction.levels(reductions);
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(specs.size() * outs, n), SweepSummary.STATS)];
        double[][] inputs = inputs(panel, specs.get(0));
        double[] close = panel.has(Field.CLOSE) ? panel.data(Field.CLOSE) : nans(panel.seriesCount() * bars);   // no close: no crossing
        boolean single = precision == Precision.FLOAT;
        forSeries(panel, (lo, hi) -> {
            double[][] tmp = new double[outs][bars];
            double[][] in = new double[inputs.length][bars];
            for (int s = lo; s < hi; s++) {
                int len = panel.length(s), off = s * bars;
                for (int k = 0; k < in.length; k++) System.arraycopy(inputs[k], off, in[k], 0, len);
                for (int set = 0; set < kernels.length; set++) {
                    kernels[set].compute(in, 0, len, tmp);
                    for (int o = 0; o < outs; o++) {
                        if (single) for (int t = 0; t < len; t++) tmp[o][t] = (float) tmp[o][t];
                        StatPass.run(tmp[o], 0, close, off, from[s], len, levels, values, (((set * outs + o) * n) + s) * SweepSummary.STATS);
                    }
                }
            }
        });
        return SweepSummary.of(sweep, panel.shape(), from, reductions, precision, values);
    }

    @Override public ScreenResult screen(Panel panel, Screen screen, int[] at) {
        ensureOpen();
        Sweeps.checkScreen(panel, screen, at);
        List<Indicator> inds = screen.indicators();
        Kernel[] kernels = kernels(inds);
        int bars = panel.barCount();
        int nOps = screen.operands().size();
        ScreenResult.Match[] found = new ScreenResult.Match[panel.seriesCount()];
        forSeries(panel, (lo, hi) -> {
            double[][][] outs = new double[inds.size()][][];
            double[][][] ins = new double[inds.size()][][];
            for (int i = 0; i < inds.size(); i++) {
                outs[i] = new double[inds.get(i).outputs().size()][bars];
                ins[i] = inputs(panel, inds.get(i));
            }
            double[] now = new double[nOps], before = new double[nOps];
            for (int s = lo; s < hi; s++) {
                int t = at[s], off = s * bars;
                if (t < 0) continue;
                for (int i = 0; i < inds.size(); i++) {
                    double[][] in = new double[ins[i].length][];
                    for (int k = 0; k < in.length; k++) in[k] = Arrays.copyOfRange(ins[i][k], off, off + panel.length(s));
                    kernels[i].compute(in, 0, panel.length(s), outs[i]);
                }
                for (int k = 0; k < nOps; k++) {
                    Screen.Operand op = screen.operands().get(k);
                    double[] series = op.field() != null ? panel.data(op.field()) : outs[op.indicator()][op.output()];
                    int base = op.field() != null ? off : 0;
                    now[k] = series[base + t];
                    before[k] = t >= 1 ? series[base + t - 1] : Double.NaN;
                }
                if (screen.test(now, before)) found[s] = new ScreenResult.Match(s, panel.symbol(s), t, now);
            }
        });
        List<ScreenResult.Match> matches = new ArrayList<>();
        for (ScreenResult.Match m : found) if (m != null) matches.add(m);
        return new ScreenResult(screen, matches);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private List<Indicator> checked(Panel panel, Sweep sweep) {
        ensureOpen();
        Objects.requireNonNull(panel, "panel");
        List<Indicator> specs = sweep.specs();
        ComputeRequests.check(panel.fields(), specs.subList(0, 1));
        return specs;
    }

    private void ensureOpen() {
        if (closed.get()) throw new IllegalStateException("the cpu sweep engine is closed");
    }

    private static Kernel[] kernels(List<Indicator> specs) {
        Kernel[] k = new Kernel[specs.size()];
        for (int i = 0; i < k.length; i++) k[i] = Functions.kernel(specs.get(i));
        return k;
    }

    private static double[][] inputs(Panel panel, Indicator ind) {
        double[][] in = new double[ind.inputFields().size()][];
        for (int k = 0; k < in.length; k++) in[k] = panel.data(ind.inputFields().get(k));
        return in;
    }

    private interface Range {
        void run(int lo, int hi);
    }

    /** Series in chunks, four per thread so that unequal lengths even out. */
    private void forSeries(Panel panel, Range body) {
        int n = panel.seriesCount();
        if (n == 0) return;
        int chunk = Math.max(1, (n + 4 * threads - 1) / (4 * threads));
        if (pool == null || n <= chunk) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int lo = 0; lo < n; lo += chunk) {
            int a = lo, b = Math.min(n, lo + chunk);
            futures.add(pool.submit(() -> body.run(a, b)));
        }
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sweeping", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true) && pool != null) pool.shutdownNow();
    }
}
