package org.hybridta.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hybridta.BarSeries;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.BarCsv;
import org.hybridta.io.CsvFormatException;
import org.hybridta.io.CsvText;
import org.hybridta.io.UntrustedText;
import org.hybridta.stream.IndicatorStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta stream}: bars in as CSV lines, each bar's indicator values out as soon as it is read — one
 * {@link IndicatorStream} per symbol, seeded from per-symbol history with {@code --warmup}.
 */
@Command(name = "stream",
        mixinStandardHelpOptions = true,
        description = {
                "Reads bars as CSV lines from standard input (or --input) in time order and writes each bar's indicator values "
                        + "as soon as the line is read, one output line per input line, flushed: it composes with any feed through a pipe.",
                "",
                "Input: a header line naming the columns date,symbol,open,high,low,close,volume (adj_close optional; any order, any case; "
                        + "other columns are ignored), then one bar per line, dates yyyy-MM-dd, many symbols interleaved, each symbol's bars "
                        + "in strictly increasing date order.",
                "Output: the header date,symbol,<output columns> (named as 'compute' names them: rsi_14, macd_12_26_9_macd, ...), then "
                        + "date,symbol,values for each input line; a cell is empty before the indicator's first value. The values equal "
                        + "those 'compute' gives for the same series."},
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, StreamCommand.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_INTERRUPTED, HybridTa.EXIT_TERMINATED},
        footer = {"",
                "Example (a feed piped through, seeded from the CSV files 'fetch' wrote):",
                "  my-feed | java -jar examples/target/hybridta.jar stream --indicators rsi:14,macd --warmup data/quotes"})
final class StreamCommand implements Callable<Integer> {
    static final String EXIT_FAILED = "1:failure: a bad input line (the message names the line and what is wrong), a bar out of "
            + "date order for its symbol, an unreadable --warmup file, an I/O error";

    private static final List<String> REQUIRED = List.of("date", "symbol", "open", "high", "low", "close", "volume");

    @Spec private CommandSpec spec;

    @Option(names = "--indicators", required = true, paramLabel = "SPEC[,SPEC...]",
            description = "Indicators to compute, comma-separated, e.g. rsi:14,macd:12:26:9 (may be repeated); cdl:all adds every candlestick pattern.")
    private List<String> indicators;

    @Option(names = "--warmup", paramLabel = "DIR",
            description = "A directory of per-symbol CSV history (SYMBOL.csv, as 'fetch' writes it): a symbol's stream is seeded with its "
                    + "history when the symbol first appears; its input bars must then follow the history's last date.")
    private Path warmup;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", defaultValue = "-",
            description = "Read the bars from this file instead of standard input (- is standard input, the default).")
    private Path input;

    /** What is known of one symbol. */
    private static final class Symbol {
        final IndicatorStream stream;
        long lastDay = Long.MIN_VALUE;
        String lastWhere;

        Symbol(IndicatorStream stream) {
            this.stream = stream;
        }
    }

    private final Map<String, Symbol> symbols = new HashMap<>();
    private List<Indicator> specs;

    @Override public Integer call() throws IOException {
        try {
            specs = Indicators.parseList(String.join(",", indicators));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--indicators: " + e.getMessage());
        }
        if (warmup != null && !Files.isDirectory(warmup)) {
            throw new ParameterException(spec.commandLine(), "--warmup " + warmup + ": not a directory");
        }
        boolean stdin = input.toString().equals("-");
        String source = stdin ? "standard input" : input.toString();
        try (BufferedReader in = stdin ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            run(in, source, spec.commandLine().getOut());
        } catch (NoSuchFileException e) {
            throw new CliException(HybridTa.FAILED, "--input " + input + ": no such file");
        }
        return HybridTa.OK;
    }

    private void run(BufferedReader in, String source, PrintWriter out) throws IOException {
        String header = in.readLine();
        if (header == null) throw new CliException(HybridTa.FAILED, source + ": empty; expected a header line naming " + String.join(",", REQUIRED));
        int[] column = columns(header, source);
        int adj = column[REQUIRED.size()];
        StringBuilder sb = new StringBuilder(256).append("date,symbol");
        for (String c : Indicators.columns(specs)) sb.append(',').append(c);
        out.println(sb);
        out.flush();
        double[] values = new double[Indicators.columns(specs).size()];
        String line;
        long number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) continue;
            String where = source + " line " + number;
            String[] cells = line.split(",", -1);
            int needed = 0;
            for (int c : column) needed = Math.max(needed, c + 1);
            if (cells.length < needed) throw bad(where, "has " + cells.length + " fields, the header " + needed + " or more");
            String date = cells[column[0]].strip(), name = cells[column[1]].strip();
            if (name.isEmpty()) throw bad(where, "the symbol is empty");
            long day = day(date, where);
            double open = number(cells, column[2], "open", where), high = number(cells, column[3], "high", where),
                    low = number(cells, column[4], "low", where), close = number(cells, column[5], "close", where),
                    volume = number(cells, column[6], "volume", where);
            double adjClose = adj < 0 ? close : number(cells, adj, "adj_close", where);
            if (volume < 0) throw bad(where, "volume " + cells[column[6]].strip() + " is negative");
            Symbol s = symbols.get(name);
            if (s == null) {
                s = open(name, where);
                symbols.put(name, s);
            }
            if (day <= s.lastDay) {
                throw new CliException(HybridTa.FAILED, where + ": " + UntrustedText.cap(name) + " " + date + " is out of order: it does not follow "
                        + LocalDate.ofEpochDay(s.lastDay) + " (" + s.lastWhere + "); each symbol's bars must come in increasing date order");
            }
            s.lastDay = day;
            s.lastWhere = "line " + number;
            s.stream.update(open, high, low, close, adjClose, volume, values);
            sb.setLength(0);
            sb.append(date).append(',');
            sb.append(name);                               // no comma, quote or line break can be in it: the line was split on commas
            for (double v : values) {
                sb.append(',');
                CsvText.appendNumber(sb, v);
            }
            out.println(sb);
            out.flush();
        }
    }

    /** The index of each required column (then adj_close's, or -1) in the header. */
    private static int[] columns(String header, String source) {
        String[] names = header.split(",", -1);
        int[] at = new int[REQUIRED.size() + 1];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < names.length; i++) {
            String n = names[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && n.startsWith("\ufeff")) n = n.substring(1);
            int k = n.equals("adj_close") ? REQUIRED.size() : REQUIRED.indexOf(n);
            if (k >= 0 && at[k] < 0) at[k] = i;
        }
        for (int k = 0; k < REQUIRED.size(); k++) {
            if (at[k] < 0) {
                throw new CliException(HybridTa.FAILED, source + " line 1: the header has no " + REQUIRED.get(k) + " column; it must name "
                        + String.join(",", REQUIRED) + " (got " + UntrustedText.cap(header) + ")");
            }
        }
        return at;
    }

    private static long day(String text, String where) {
        try {
            return LocalDate.parse(text).toEpochDay();
        } catch (DateTimeException e) {
            throw bad(where, "date \"" + UntrustedText.cap(text) + "\" is not a date yyyy-MM-dd");
        }
    }

    private static double number(String[] cells, int column, String name, String where) {
        String text = cells[column].strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw bad(where, name + " \"" + UntrustedText.cap(text) + "\" is not a number");
        }
        if (!Double.isFinite(v) || text.toLowerCase(Locale.ROOT).endsWith("d") || text.toLowerCase(Locale.ROOT).endsWith("f")) {
            throw bad(where, name + " \"" + UntrustedText.cap(text) + "\" is not a finite number");
        }
        return v;
    }

    private static CliException bad(String where, String what) {
        return new CliException(HybridTa.FAILED, where + ": " + what);
    }

    /** A new symbol's stream, seeded from its --warmup history when there is one. */
    private Symbol open(String name, String where) {
        if (warmup == null) return new Symbol(IndicatorStream.of(specs));
        Path file = warmup.resolve(name + ".csv");
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || !Files.isRegularFile(file)) {
            spec.commandLine().getErr().println(HybridTa.NAME + ": warning: no history for " + UntrustedText.cap(name) + " in " + warmup
                    + " (" + where + "); its indicators start from this bar");
            spec.commandLine().getErr().flush();
            return new Symbol(IndicatorStream.of(specs));
        }
        BarSeries history;
        try {
            history = BarCsv.read(file, name);
        } catch (CsvFormatException e) {
            throw new CliException(HybridTa.FAILED, "--warmup: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(HybridTa.FAILED, "--warmup " + file + ": cannot read: " + Failures.reason(e), e);
        }
        Symbol s = new Symbol(IndicatorStream.warm(specs, history));
        if (!history.isEmpty()) {
            s.lastDay = history.epochDay(history.size() - 1);
            s.lastWhere = "the last bar of " + file;
        }
        return s;
    }
}
