package org.hybridta.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.indicator.MaType;
import org.hybridta.indicator.OutputInfo;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepCube;
import org.hybridta.sweep.SweepSummary;

/**
 * Writes sweeps as tables, in any {@link TableFormat}, whole or not at all.
 *
 * <p><b>Cube</b> (long by parameter set, wide by output): one row per symbol, parameter set and date of the range:
 * {@code symbol, date}, one column per swept parameter ({@link Sweep#axes()}: whole numbers as INT32, real ones as
 * FLOAT64, MA types by name), then one FLOAT64 column per output (the function's name for a function of one output,
 * e.g. {@code ema}; else TA-Lib's output names, {@code upperband, middleband, lowerband}). Rows are ordered by symbol,
 * then parameter set, then date, so {@code WHERE timeperiod = 20} reads one contiguous run per symbol. A float cube's
 * values are written as the doubles they widen to.
 *
 * <p><b>Summary</b>: one row per symbol and parameter set: {@code symbol, last_date} (the series' last date), the
 * swept parameters, then per output ({@code <output>_} as a prefix for functions of several) the reductions' columns:
 * {@code last, mean, min, max} (FLOAT64), {@code count_gt_L, count_lt_L} (INT32), and for a crossing
 * {@code cross_bars_ago} (bars from the crossing to the last bar, 0: on the last bar) and {@code cross_dir} (+1 up,
 * -1 down), INT32, empty where there was none.
 */
public final class SweepTables {
    private SweepTables() {}

    /**
     * Writes bars {@code [first[s], length)} of every series of the cube.
     *
     * @param series the series swept, in the cube's order (for their dates)
     */
    public static void writeCube(SweepCube cube, List<BarSeries> series, int[] first, TableFormat format, Path target) throws IOException {
        Sweep sweep = cube.sweep();
        List<ParamInfo> axes = sweep.axes();
        List<OutputInfo> outs = sweep.function().outputs();
        TableSchema.Builder b = TableSchema.builder().symbol("symbol").date("date");
        addAxes(b, axes);
        for (OutputInfo o : outs) b.float64(outs.size() == 1 ? sweep.function().name() : o.name());
        TableSchema schema = b.build();
        int bars = cube.shape().barCount();
        double[][] widened = new double[outs.size()][bars];
        double[][] constants = new double[axes.size()][bars];
        try (TableWriter w = format.open(target, schema)) {
            RowBatch batch = RowBatch.of(schema);
            for (int s = 0; s < series.size(); s++) {
                int len = cube.shape().length(s), from = first[s], rows = len - from;
                if (rows <= 0) continue;
                int[] days = series.get(s).epochDays();
                int off = s * bars;
                for (int set = 0; set < cube.sets(); set++) {
                    batch.rows(rows).symbol(0, cube.shape().symbol(s)).dates(1, days, from);
                    int col = bindAxes(batch, 2, axes, sweep, set, constants, rows);
                    for (int o = 0; o < outs.size(); o++, col++) {
                        if (cube.precision() == org.hybridta.backend.Precision.FLOAT) {
                            double[] dst = widened[o];
                            float[] src = cube.floats(set, o);
                            for (int t = 0; t < rows; t++) dst[t] = src[off + from + t];
                            batch.float64(col, dst, 0);
                        } else {
                            batch.float64(col, cube.doubles(set, o), off + from);
                        }
                    }
                    w.append(batch);
                }
            }
            w.commit();
        }
    }

    /** Writes one row per series and parameter set; {@code series} in the summary's order. */
    public static void writeSummary(SweepSummary summary, List<BarSeries> series, TableFormat format, Path target) throws IOException {
        Sweep sweep = summary.sweep();
        List<ParamInfo> axes = sweep.axes();
        List<OutputInfo> outs = sweep.function().outputs();
        TableSchema.Builder b = TableSchema.builder().symbol("symbol").date("last_date");
        addAxes(b, axes);
        List<Reduction.Stat> stats = new ArrayList<>();
        List<Integer> outputOf = new ArrayList<>();
        for (int o = 0; o < outs.size(); o++) {
            String prefix = outs.size() == 1 ? "" : outs.get(o).name() + "_";
            for (Reduction r : summary.reductions()) {
                List<String> names = r.columns();
                for (int k = 0; k < names.size(); k++) {
                    Reduction.Stat st = r.stats().get(k);
                    String name = prefix + names.get(k).replace("_bar", "_bars_ago");
                    if (isFloat(st)) b.float64(name);
                    else b.int32(name);
                    stats.add(st);
                    outputOf.add(o);
                }
            }
        }
        TableSchema schema = b.build();
        int sets = sweep.size();
        double[][] constants = new double[axes.size()][sets];
        double[][] values = new double[stats.size()][sets];
        int[] lastDates = new int[sets];
        try (TableWriter w = format.open(target, schema)) {
            RowBatch batch = RowBatch.of(schema);
            for (int s = 0; s < series.size(); s++) {
                int len = summary.shape().length(s);
                if (len == 0) continue;
                Arrays.fill(lastDates, series.get(s).epochDay(len - 1));
                for (int c = 0; c < stats.size(); c++) {
                    for (int set = 0; set < sets; set++) {
                        double v = summary.get(set, outputOf.get(c), s, stats.get(c));
                        boolean bar = stats.get(c) == Reduction.Stat.CROSS_BAR || stats.get(c) == Reduction.Stat.LEVEL_CROSS_BAR;
                        values[c][set] = bar && !Double.isNaN(v) ? len - 1 - v : v;
                    }
                }
                batch.rows(sets).symbol(0, summary.shape().symbol(s)).dates(1, lastDates, 0);
                int col = 2;
                for (int a = 0; a < axes.size(); a++, col++) {
                    ParamInfo p = axes.get(a);
                    int index = sweep.function().params().indexOf(p);
                    if (p.type() == ParamType.MA_TYPE) {
                        String[] names = new String[sets];
                        for (int set = 0; set < sets; set++) names[set] = MaType.of((int) sweep.specs().get(set).params()[index]).text();
                        batch.symbols(col, names, 0);
                        continue;
                    }
                    for (int set = 0; set < sets; set++) constants[a][set] = sweep.specs().get(set).params()[index];
                    if (p.type() == ParamType.INTEGER) batch.int32(col, constants[a], 0);
                    else batch.float64(col, constants[a], 0);
                }
                for (int c = 0; c < stats.size(); c++, col++) {
                    if (isFloat(stats.get(c))) batch.float64(col, values[c], 0);
                    else batch.int32(col, values[c], 0);
                }
                w.append(batch);
            }
            w.commit();
        }
    }

    private static boolean isFloat(Reduction.Stat st) {
        return st == Reduction.Stat.LAST || st == Reduction.Stat.MEAN || st == Reduction.Stat.MIN || st == Reduction.Stat.MAX;
    }

    private static void addAxes(TableSchema.Builder b, List<ParamInfo> axes) {
        for (ParamInfo p : axes) {
            switch (p.type()) {
                case INTEGER -> b.int32(p.name());
                case REAL -> b.float64(p.name());
                case MA_TYPE -> b.symbol(p.name());
            }
        }
    }

    /** Binds the swept parameters of set {@code set} as constant columns from {@code col} on; returns the next column. */
    private static int bindAxes(RowBatch batch, int col, List<ParamInfo> axes, Sweep sweep, int set, double[][] constants, int rows) {
        double[] params = sweep.specs().get(set).params();
        for (int a = 0; a < axes.size(); a++, col++) {
            ParamInfo p = axes.get(a);
            double v = params[sweep.function().params().indexOf(p)];
            if (p.type() == ParamType.MA_TYPE) {
                batch.symbol(col, MaType.of((int) v).text());
                continue;
            }
            Arrays.fill(constants[a], 0, rows, v);
            if (p.type() == ParamType.INTEGER) batch.int32(col, constants[a], 0);
            else batch.float64(col, constants[a], 0);
        }
        return col;
    }
}
