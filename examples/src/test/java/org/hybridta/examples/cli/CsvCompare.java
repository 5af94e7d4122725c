package org.hybridta.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.hybridta.io.CsvText;

/**
 * Compares two {@code indicators.csv} files of {@code hybridta run}: the same header, the same rows in the same
 * order, the same text in the key and bar columns ({@code date,symbol,open,…,volume}), empty indicator cells in the
 * same places, and indicator values equal within a relative tolerance — for comparing a GPU run with a CPU run,
 * whose doubles may differ in the last bits (fused multiply-add, another order of summation).
 *
 * <pre>java … org.hybridta.examples.cli.CsvCompare expected.csv actual.csv [1e-12]   # exit 0: equal within it</pre>
 *
 * A value {@code b} matches {@code a} when {@code |a − b| ≤ tol · max(|a|, |b|)}, or, for values near zero where a
 * relative test means nothing (a MACD histogram crossing zero is the difference of two nearly equal numbers), when
 * {@code |a − b| ≤ tol · scale}, with {@code scale} the largest magnitude of that column in the expected file. The
 * report counts the cells that needed the second test and names the worst cell.
 */
public final class CsvCompare {
    private static final int BAR_COLUMNS = 8;   // date,symbol,open,high,low,close,adj_close,volume

    /** What the comparison found. */
    record Report(long rows, int columns, boolean identical, String mismatch, long differingCells, long nearZeroCells,
                  double worstRelative, String worstCell) {
        boolean equalWithinTolerance() {
            return mismatch == null;
        }
    }

    private CsvCompare() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CsvCompare EXPECTED.csv ACTUAL.csv [RELATIVE_TOLERANCE (default 1e-12)]");
            System.exit(2);
        }
        double tol = args.length == 3 ? Double.parseDouble(args[2]) : 1e-12;
        Report r = compare(Path.of(args[0]), Path.of(args[1]), tol);
        if (r.identical()) {
            System.out.printf(Locale.ROOT, "csv compare: byte-identical (%,d rows, %d columns)%n", r.rows(), r.columns());
        } else if (r.equalWithinTolerance()) {
            System.out.printf(Locale.ROOT, "csv compare: equal within %.0e relative (%,d rows, %d columns): %,d indicator cells differ in the last bits,"
                            + " worst relative difference %.3e at %s; %,d cells near zero matched relative to their column's scale%n",
                    tol, r.rows(), r.columns(), r.differingCells(), r.worstRelative(), r.worstCell(), r.nearZeroCells());
        } else {
            System.out.println("csv compare: DIFFERENT: " + r.mismatch());
        }
        System.exit(r.equalWithinTolerance() ? 0 : 1);
    }

    static Report compare(Path expected, Path actual, double tol) throws IOException {
        if (Files.size(expected) == Files.size(actual) && Arrays.equals(Files.readAllBytes(expected), Files.readAllBytes(actual))) {
            try (BufferedReader in = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                long rows = 0;
                while (in.readLine() != null) rows++;
                return new Report(rows, header == null ? 0 : header.split(",", -1).length, true, null, 0, 0, 0, "");
            }
        }
        double[] scale = scales(expected);
        try (BufferedReader a = Files.newBufferedReader(expected, StandardCharsets.UTF_8);
             BufferedReader b = Files.newBufferedReader(actual, StandardCharsets.UTF_8)) {
            String ha = a.readLine(), hb = b.readLine();
            if (ha == null || !ha.equals(hb)) return mismatch(0, 0, "headers differ: " + ha + " | " + hb);
            String[] columns = ha.split(",", -1);
            long row = 0, differing = 0, nearZero = 0;
            double worst = 0;
            String worstCell = "";
            for (String la = a.readLine(), lb = b.readLine(); la != null || lb != null; la = a.readLine(), lb = b.readLine()) {
                row++;
                if (la == null || lb == null) return mismatch(row, columns.length, (la == null ? "expected" : "actual") + " ends before line " + (row + 1));
                if (la.equals(lb)) continue;
                String[] fa = la.split(",", -1), fb = lb.split(",", -1);
                if (fa.length != columns.length || fb.length != columns.length) return mismatch(row, columns.length, "line " + (row + 1) + ": cell count");
                for (int c = 0; c < columns.length; c++) {
                    if (fa[c].equals(fb[c])) continue;
                    String where = "line " + (row + 1) + " (" + fa[0] + " " + fa[1] + "), column " + columns[c];
                    if (isText(columns, c)) return mismatch(row, columns.length, where + ": " + fa[c] + " vs " + fb[c] + " (not an indicator value)");
                    if (fa[c].isEmpty() || fb[c].isEmpty()) {
                        return mismatch(row, columns.length, where + ": '" + fa[c] + "' vs '" + fb[c] + "' (a value where the other has none)");
                    }
                    double x = Double.parseDouble(fa[c]), y = Double.parseDouble(fb[c]);
                    double diff = Math.abs(x - y), mag = Math.max(Math.abs(x), Math.abs(y));
                    differing++;
                    double relative = mag == 0 ? 0 : diff / mag;
                    if (relative > worst) {
                        worst = relative;
                        worstCell = where + ": " + fa[c] + " vs " + fb[c];
                    }
                    if (diff <= tol * mag) continue;
                    if (diff <= tol * scale[c]) {
                        nearZero++;
                        continue;
                    }
                    return mismatch(row, columns.length, where + ": " + fa[c] + " vs " + fb[c] + String.format(Locale.ROOT,
                            " differ by %.3e relative (%.3e of the column's scale %.3e)", relative, diff / scale[c], scale[c]));
                }
            }
            return new Report(row, columns.length, false, null, differing, nearZero, worst, worstCell);
        }
    }

    /** Whether column {@code c} is compared as it is written: the key and bar columns, and the synthetic marker. */
    private static boolean isText(String[] columns, int c) {
        return c < BAR_COLUMNS || columns[c].equals(CsvText.SOURCE_COLUMN);
    }

    /** The largest magnitude of each column in {@code file} (0 for the bar and text columns). */
    private static double[] scales(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            String[] columns = header == null ? new String[0] : header.split(",", -1);
            double[] scale = new double[columns.length];
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                for (int c = BAR_COLUMNS; c < Math.min(f.length, scale.length); c++) {
                    if (!f[c].isEmpty() && !isText(columns, c)) scale[c] = Math.max(scale[c], Math.abs(Double.parseDouble(f[c])));
                }
            }
            return scale;
        }
    }

    private static Report mismatch(long rows, int columns, String what) {
        return new Report(rows, columns, false, what, 0, 0, 0, "");
    }
}
