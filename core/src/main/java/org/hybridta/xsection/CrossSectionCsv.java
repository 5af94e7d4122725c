package org.hybridta.xsection;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.CsvText;

/**
 * Writes a result as CSV in long form, into a directory: {@code correlation.csv} and {@code covariance.csv}
 * ({@code symbol_a,symbol_b,value}, every ordered pair, the diagonal included, so that a pivot gives the whole
 * matrix) and {@code betas.csv} ({@code symbol,beta,correlation,days}), for the measures computed. Rolling results
 * have a first column {@code date}: the last day of each window. Numbers at full precision (they read back to the same
 * double); an undefined value is an empty field. Each file is written atomically.
 */
public final class CrossSectionCsv implements CrossSectionSink {
    private final Path directory;

    private CrossSectionCsv(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Writes into {@code directory} (created if missing). */
    public static CrossSectionCsv to(Path directory) { return new CrossSectionCsv(directory); }

    @Override public void check() throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.checkWritable(directory);
    }

    @Override public List<Path> write(CrossSectionResult result) throws IOException {
        Files.createDirectories(directory);
        boolean rolling = result.windows().size() > 1;
        List<Path> written = new ArrayList<>();
        CrossSectionResult.Window last = result.last();
        if (last.correlation().isPresent()) written.add(matrix(result, rolling, "correlation.csv", w -> w.correlation().orElseThrow()));
        if (last.covariance().isPresent()) written.add(matrix(result, rolling, "covariance.csv", w -> w.covariance().orElseThrow()));
        if (!last.betas().isEmpty()) written.add(betas(result, rolling));
        return written;
    }

    private Path matrix(CrossSectionResult result, boolean rolling, String name, Function<CrossSectionResult.Window, SymbolMatrix> pick)
            throws IOException {
        Path file = directory.resolve(name);
        List<String> symbols = quoted(result.symbols());
        int n = symbols.size();
        AtomicFiles.writeText(file, w -> {
            w.write(rolling ? "date,symbol_a,symbol_b,value\n" : "symbol_a,symbol_b,value\n");
            StringBuilder sb = new StringBuilder(1 << 16);
            for (CrossSectionResult.Window win : result.windows()) {
                double[] v = pick.apply(win).values();
                String date = win.last().toString();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (rolling) sb.append(date).append(',');
                        sb.append(symbols.get(i)).append(',').append(symbols.get(j)).append(',');
                        CsvText.appendNumber(sb, v[i * n + j]);
                        sb.append('\n');
                    }
                    flush(sb, w);
                }
            }
            w.append(sb);
        });
        return file;
    }

    private Path betas(CrossSectionResult result, boolean rolling) throws IOException {
        Path file = directory.resolve("betas.csv");
        List<String> symbols = quoted(result.symbols());
        AtomicFiles.writeText(file, w -> {
            w.write(rolling ? "date,symbol,beta,correlation,days\n" : "symbol,beta,correlation,days\n");
            StringBuilder sb = new StringBuilder(1 << 16);
            for (CrossSectionResult.Window win : result.windows()) {
                List<Beta> betas = win.betas();
                for (int i = 0; i < betas.size(); i++) {
                    Beta b = betas.get(i);
                    if (rolling) sb.append(win.last()).append(',');
                    sb.append(symbols.get(i)).append(',');
                    CsvText.appendNumber(sb, b.beta());
                    sb.append(',');
                    CsvText.appendNumber(sb, b.correlation());
                    sb.append(',').append(b.days()).append('\n');
                    flush(sb, w);
                }
            }
            w.append(sb);
        });
        return file;
    }

    private static void flush(StringBuilder sb, Writer w) throws IOException {
        if (sb.length() > 1 << 15) {
            w.append(sb);
            sb.setLength(0);
        }
    }

    /** Symbols as CSV fields: quoted where they hold a comma, quote or line break (RFC 4180). */
    private static List<String> quoted(List<String> symbols) {
        return symbols.stream().map(s -> s.matches(".*[,\"\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s).toList();
    }

    @Override public String toString() { return "csv " + directory; }
}
