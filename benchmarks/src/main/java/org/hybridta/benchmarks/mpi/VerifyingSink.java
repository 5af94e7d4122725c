package org.hybridta.benchmarks.mpi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.sink.ResultSink;
import org.hybridta.sink.RunOutput;

/**
 * Checks a distributed run's gathered values against the CPU backend at rank 0, instead of writing them: every
 * symbol is computed again in this process, in batches, and every value compared. A value passes when it is
 * bit-identical, or within {@code 1e-12} of the larger magnitude — or of the largest magnitude of that column in
 * the symbol's series, for values near zero (a MACD histogram crossing zero is the difference of two nearly equal
 * numbers) — and NaN must meet NaN. The CPU backend's values per series do not depend on how a run is cut into
 * parts, so this is the single-process CPU run, without writing terabyte-sized CSV files to compare. Each part is
 * checked as it arrives; the run must fetch no warm-up ({@code Pipeline.Builder.warmup(0)}), so that the bars a part
 * brings are all those its values were computed from.
 *
 * <p>Used by {@link MpiScaling} {@code --verify}; the last run's verdict is {@link #failure()} and {@link #summary()}.
 */
final class VerifyingSink implements ResultSink {
    static final double TOLERANCE = 1e-12;
    private static final int BATCH = 128;

    private final List<Indicator> indicators;
    private volatile String summary = "not verified yet";
    private volatile String failure = "not verified yet";

    VerifyingSink(List<? extends Indicator> indicators) {
        this.indicators = List.copyOf(indicators);
    }

    @Override public Session open(List<? extends Indicator> specs, boolean synthetic) {
        long t0 = System.nanoTime();
        LongAdder cells = new LongAdder(), identical = new LongAdder(), nearZero = new LongAdder();
        AtomicLong worstBits = new AtomicLong(Double.doubleToLongBits(0));
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] symbols = new int[1];
        ComputeBackend cpu = Backends.open("cpu", BackendOptions.builder().build());
        return new Session() {
            @Override public void write(RunOutput output) {
                int n = output.size();
                symbols[0] += n;
                // the CPU backend parallelizes within a call; batches in sequence keep memory to one batch's values
                for (int from = 0; from < n && failures.size() <= 10; from += BATCH) {
                    int start = from, to = Math.min(n, from + BATCH);
                    List<BarSeries> series = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) series.add(output.series(i));
                    IndicatorValues expected = cpu.compute(Panel.of(series), indicators);
                    IntStream.range(from, to).parallel().forEach(i -> compare(output, i, expected, i - start, cells, identical, nearZero,
                            worstBits, failures));
                }
            }

            @Override public List<Path> commit() {
                double worst = Double.longBitsToDouble(worstBits.get());
                summary = String.format(Locale.ROOT, "verified against the CPU backend at rank 0: %d symbols, %,d values, %,d bit-identical,"
                                + " worst relative difference %.3e, %,d near zero within %.0e of their column's scale; %d failures; %.1f s",
                        symbols[0], cells.sum(), identical.sum(), worst, nearZero.sum(), TOLERANCE, failures.size(), (System.nanoTime() - t0) / 1e9);
                failure = failures.isEmpty() ? null : "values differ from the CPU backend's: " + failures.get(0)
                        + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "");
                cpu.close();
                return List.of();
            }

            @Override public void close() {
                cpu.close();
            }
        };
    }

    private void compare(RunOutput output, int i, IndicatorValues expected, int row, LongAdder cells, LongAdder identical,
                         LongAdder nearZero, AtomicLong worstBits, List<String> failures) {
        int len = output.series(i).size();
        long same = 0, small = 0;
        double worst = 0;
        for (int c = 0; c < expected.columns().size(); c++) {
            double scale = 0;
            for (int t = 0; t < len; t++) {
                double e = expected.get(c, row, t);
                if (!Double.isNaN(e)) scale = Math.max(scale, Math.abs(e));
            }
            for (int t = 0; t < len; t++) {
                double a = output.value(i, c, t), e = expected.get(c, row, t);
                if (Double.doubleToLongBits(a) == Double.doubleToLongBits(e)) {
                    same++;
                    continue;
                }
                double diff = Math.abs(a - e), mag = Math.max(Math.abs(a), Math.abs(e));
                if (diff <= TOLERANCE * mag) {
                    worst = Math.max(worst, diff / mag);
                } else if (diff <= TOLERANCE * scale) {
                    small++;
                } else {
                    failures.add(String.format(Locale.ROOT, "%s %s bar %d: %s, expected %s", output.series(i).symbol(),
                            expected.columns().get(c), t, a, e));
                    return;
                }
            }
        }
        cells.add((long) len * expected.columns().size());
        identical.add(same);
        nearZero.add(small);
        double w = worst;
        worstBits.accumulateAndGet(Double.doubleToLongBits(w), (x, y) -> Double.longBitsToDouble(x) >= Double.longBitsToDouble(y) ? x : y);
    }

    /** Null when the last run's values all passed, else the first difference. */
    String failure() { return failure; }

    /** One line: what was compared and how it came out. */
    String summary() { return summary; }
}
