package org.hybridta.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;

/**
 * The indicator values of one series as CSV: a {@code date} column, then one column per indicator output
 * named as in {@link IndicatorValues#columns()} ({@code ema_12}, {@code macd_12_26_9_signal}, …), one
 * line per bar. A cell is empty where the value is NaN (before an output's first valid bar); every other
 * value is written in a form that reads back to exactly the same double ({@link Double#toString(double)},
 * or without a fraction when it is a whole number below 1e15), independent of the locale.
 */
public final class IndicatorCsv {
    private IndicatorCsv() {}

    /**
     * Writes the values of series {@code index} of {@code values}, dated by {@code series}, to
     * {@code target} atomically (see {@link AtomicFiles}). The target's directory must exist.
     *
     * @throws IllegalArgumentException if the series and the values do not belong together
     */
    public static void write(Path target, BarSeries series, IndicatorValues values, int index) throws IOException {
        check(series, values, index);
        AtomicFiles.writeText(target, w -> write(w, series, values, index));
    }

    /** Like {@link #write(Path, BarSeries, IndicatorValues, int)}, to a writer that is neither flushed nor closed. */
    public static void write(Writer out, BarSeries series, IndicatorValues values, int index) throws IOException {
        Objects.requireNonNull(out, "out");
        check(series, values, index);
        List<String> columns = values.columns();
        StringBuilder sb = new StringBuilder(256);
        sb.append("date");
        for (String c : columns) CsvText.FORMAT.print(c, sb, false);   // the delimiter, then the name, quoted only if it needs it
        sb.append('\n');
        out.append(sb);
        int nCols = columns.size();
        double[][] data = new double[nCols][];
        for (int c = 0; c < nCols; c++) data[c] = values.data(c);
        int offset = index * values.barCount();
        for (int t = 0; t < series.size(); t++) {
            sb.setLength(0);
            CsvText.appendDate(sb, series.epochDay(t));
            for (int c = 0; c < nCols; c++) {
                sb.append(',');
                CsvText.appendNumber(sb, data[c][offset + t]);
            }
            sb.append('\n');
            out.append(sb);
        }
    }

    private static void check(BarSeries series, IndicatorValues values, int index) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(values, "values");
        Objects.checkIndex(index, values.seriesCount());
        if (!values.symbol(index).equals(series.symbol()) || values.length(index) != series.size()) {
            throw new IllegalArgumentException("values of series " + index + " (" + values.symbol(index) + ", " + values.length(index)
                    + " bars) do not belong to " + series);
        }
    }
}
