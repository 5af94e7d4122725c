package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hybridta.Universe;
import org.hybridta.WarmUp;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.formats.RowBatch;
import org.hybridta.formats.TableFormat;
import org.hybridta.formats.TableSchema;
import org.hybridta.formats.TableWriter;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.UntrustedText;
import org.hybridta.sweep.Screen;
import org.hybridta.sweep.ScreenResult;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.Sweeps;
import org.hybridta.sweep.UniverseBars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hybridta screen}: the symbols of a universe for which a condition holds on the last bar (or a given date). */
@Command(name = "screen",
        mixinStandardHelpOptions = true,
        description = {
                "Prints the symbols of a universe (default: the S&P 500 on the synthetic market) for which a condition holds on the "
                        + "last bar before --to (or on --on DATE), with the values it used; fetches the history the indicators need first.",
                "Condition: comparisons (<, <=, >, >=, ==, !=) of prices (open, high, low, close, adj_close, volume), specs "
                        + "(rsi:14, sma:200, bbands:20:2.upperband), column names (rsi_14) and numbers, 'a crosses above b', "
                        + "'a crosses below b', combined with and, or, not and parentheses. A comparison with a missing value is unknown "
                        + "(SQL's logic): the symbol does not match.",
                "On the GPU (--backend cuda) the condition is evaluated on the device and only the matching symbols come back."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_PARTIAL},
        footer = {"",
                "Examples:",
                "  java -jar examples/target/hybridta.jar screen --where \"rsi:14 < 30 and close > sma:200\"",
                "  java -jar examples/target/hybridta.jar screen --where \"close crosses above bbands:20:2.upperband\" --on 2025-03-14",
                "  java -jar examples/target/hybridta.jar screen --source yahoo --symbols AAPL,MSFT,NVDA \\",
                "      --where \"macd:12:26:9.macd crosses above macd:12:26:9.macdsignal\" -o out/screen.csv"})
final class ScreenCommand implements Callable<Integer> {
    private static final String DEFAULT_SOURCE = "synthetic";

    @Spec private CommandSpec spec;

    @Mixin private UniverseChoice universeChoice;

    @Mixin private SourceChoice source;

    @Option(names = "--where", paramLabel = "CONDITION", required = true,
            description = "The condition, e.g. \"rsi:14 < 30 and close > sma:200\".")
    private String where;

    @Option(names = "--on", paramLabel = "DATE", converter = DateRange.DateConverter.class,
            description = "Evaluate on each symbol's last bar on or before DATE (yyyy-MM-dd). Default: the last bar (yesterday's; "
                    + "with --source csv:DIR the files' last).")
    private LocalDate on;

    @Mixin private BackendChoice backend;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the matches to FILE (.csv, .parquet or .duckdb; - for CSV on standard output) instead of a table on the terminal.")
    private Path output;

    @Mixin private CacheChoice cache;

    @Override public Integer call() {
        Screen screen;
        try {
            screen = Screen.parse(where);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--where: " + e.getMessage());
        }
        backend.checkName();
        TableFormat format = output == null ? null : AtomicFiles.isStandardOutput(output) ? TableFormat.CSV
                : TableFormat.forFileName(output).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--output " + UntrustedText.cap(output.toString()) + ": name a file ending in .csv, .parquet or .duckdb, or -"));
        if (format != null) {
            try {
                format.check(output);
            } catch (IOException | IllegalStateException e) {
                throw new CliException(HybridTa.FAILED, "cannot write " + output + ": " + Failures.describe(e), e);
            }
        }
        Universe universe = universeChoice.universe();
        LocalDate end = on != null ? on.plusDays(1)
                : source.ownRange(universe, DEFAULT_SOURCE).map(DateRange.Resolved::to).orElse(LocalDate.now());
        LocalDate day = end.minusDays(1);
        // the warm-up before the evaluated bar, and one bar more for a crossing
        int warmup = WarmUp.bars(screen.indicators()) + 1;
        UniverseBars bars = UniverseFetch.fetch(source, cache, DEFAULT_SOURCE, universe, day, end, warmup);
        int[] at = bars.barsOn(day);
        long t0 = System.nanoTime();
        ScreenResult result;
        String engineName;
        try (SweepEngine engine = Sweeps.open(backend.name(), BackendOptions.builder().precision(backend.precision()).build())) {
            engineName = engine.description();
            result = engine.screen(bars.panel(), screen, at);
        } catch (BackendUnavailableException | IllegalArgumentException e) {
            throw new CliException(HybridTa.FAILED, e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        boolean toStdout = output != null && AtomicFiles.isStandardOutput(output);
        PrintWriter out = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (format != null) write(result, bars, format);
        else printTable(out, result, bars);
        out.printf(Locale.ROOT, "%s: %d of %d symbols match on %s (of %d with bars); engine %s; time: fetch %.0f ms, screen %.0f ms%n",
                universe.name(), result.matches().size(), universe.size(), day, bars.series().size(), engineName, bars.fetch().toNanos() / 1e6,
                (t1 - t0) / 1e6);
        if (result.matches().isEmpty()) out.println("no symbol matches");
        UniverseFetch.printFailures(out, bars.failures());
        if (format != null && !toStdout) out.println("wrote " + output);
        out.flush();
        return bars.failures().isEmpty() ? HybridTa.OK : HybridTa.PARTIAL;
    }

    private static List<String> header(Screen screen) {
        List<String> h = new ArrayList<>(List.of("symbol", "date"));
        for (Screen.Operand o : screen.operands()) h.add(o.name());
        return h;
    }

    private static void printTable(PrintWriter out, ScreenResult r, UniverseBars bars) {
        if (r.matches().isEmpty()) return;
        List<String> header = header(r.screen());
        List<List<String>> rows = new ArrayList<>();
        for (ScreenResult.Match m : r.matches()) {
            List<String> row = new ArrayList<>(List.of(m.symbol(), bars.series().get(m.series()).date(m.bar()).toString()));
            for (int k = 0; k < r.screen().operands().size(); k++) row.add(format(m.value(k)));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) width[c] = Math.max(width[c], row.get(c).length());
        }
        printRow(out, header, width);
        for (List<String> row : rows) printRow(out, row, width);
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            // names left, numbers right
            sb.append(c == 0 ? "" : "  ").append(c < 2 ? String.format("%-" + width[c] + "s", cell) : String.format("%" + width[c] + "s", cell));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String format(double v) {
        if (Double.isNaN(v)) return "";
        return Math.abs(v) >= 1e6 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private void write(ScreenResult r, UniverseBars bars, TableFormat format) {
        TableSchema.Builder b = TableSchema.builder().symbol("symbol").date("date");
        for (Screen.Operand o : r.screen().operands()) b.float64(o.name());
        TableSchema schema = b.build();
        try (TableWriter w = format.open(output, schema)) {
            RowBatch batch = RowBatch.of(schema);
            for (ScreenResult.Match m : r.matches()) {
                batch.rows(1).symbol(0, m.symbol()).dates(1, new int[] {bars.series().get(m.series()).epochDay(m.bar())}, 0);
                for (int k = 0; k < r.screen().operands().size(); k++) batch.float64(2 + k, new double[] {m.value(k)}, 0);
                w.append(batch);
            }
            w.commit();
        } catch (IOException e) {
            throw new CliException(HybridTa.FAILED, "cannot write " + output + ": " + Failures.describe(e), e);
        }
    }
}
