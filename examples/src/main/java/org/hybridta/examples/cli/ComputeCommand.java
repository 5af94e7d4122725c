package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hybridta.BarChecks;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.OutOfMemory;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.BarCsv;
import org.hybridta.io.CsvFormatException;
import org.hybridta.io.IndicatorCsv;
import org.hybridta.sink.ChartSink;
import org.hybridta.source.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta compute}: indicators of one CSV series into a CSV file.
 *
 * <p>Order of work: everything that can be checked from the command line alone (specs, backend name,
 * output path) first, then the input is read, the backend opened, the indicators computed, and the output
 * written whole or not at all ({@link org.hybridta.io.AtomicFiles}).
 */
@Command(name = "compute",
        mixinStandardHelpOptions = true,
        description = {
                "Computes indicators for one series of daily bars read from a CSV file, and writes them to a CSV file.",
                "",
                "Input: a header line, then one line per bar, oldest first. Columns date,open,high,low,close,volume "
                        + "(adj_close optional) in any order and any case; other columns are ignored. Dates are yyyy-MM-dd.",
                "Output: date, then one column per indicator output (ema_12, macd_12_26_9_macd, macd_12_26_9_macdsignal, "
                        + "macd_12_26_9_macdhist, ...); a cell is empty before the indicator's first value. "
                        + "Values have full double precision."},
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, ComputeCommand.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_INTERRUPTED, HybridTa.EXIT_TERMINATED},
        footer = {"",
                "Indicators: TA-Lib's function names in lower case, parameters in TA-Lib's order or as name=value;",
                "a name alone takes TA-Lib's defaults: sma:50  macd:12:26:9  bbands:20:2  stoch:14:3:sma:3  sma:20@volume.",
                "'hybridta indicators' lists every function with its parameters and outputs.",
                "",
                "Example:",
                "  java -jar examples/target/hybridta.jar compute \\",
                "      --input examples/data/sample.csv \\",
                "      --indicators ema:12,rsi:14,macd:12:26:9 \\",
                "      --output out/sample-indicators.csv"})
final class ComputeCommand implements Callable<Integer> {
    static final String EXIT_FAILED = "1:failure: bad input data (the message names file, line and column), an I/O error, "
            + "out of memory, a backend that cannot run here";

    // not a static field: picocli creates this command before parsing -v/--debug, which set the log level
    // that SLF4J reads once, when the first logger is made
    private Logger log;

    @Spec private CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "CSV file of daily bars to read.")
    private Path input;

    @Option(names = "--indicators", required = true, paramLabel = "SPEC[,SPEC...]",
            description = "Indicators to compute, comma-separated, e.g. ema:12,rsi:14,macd:12:26:9 (may be repeated); cdl:all adds every candlestick pattern.")
    private List<String> indicators;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "CSV file to write; replaced whole if it exists, its directory created if missing. A symbolic link is "
                    + "written through; a named pipe or a device is written to; - is standard output.")
    private Path output;

    @Option(names = "--chart", paramLabel = "PNG",
            description = "Also draw the series' chart into this PNG file: candles and volume, the indicators on the price's scale "
                    + "over them, markers where the patterns fire, a panel for each other indicator.")
    private Path chart;

    @Mixin private BackendChoice backend;

    /** The folders on the way to --output that this run creates: removed again when the write fails. */
    private CreatedFolders created;

    @Mixin private StrictOption strict;

    @Override public Integer call() throws IOException {
        log = LoggerFactory.getLogger(ComputeCommand.class);
        List<Indicator> specs = parseIndicators();
        backend.checkName();
        checkOutput();
        if (chart != null) {
            if (AtomicFiles.isStandardOutput(chart)) throw new ParameterException(spec.commandLine(), "--chart needs a file, not standard output");
            ChartSink.to(Path.of("."), List.of()).checkDependencies();
        }
        created = CreatedFolders.before(AtomicFiles.isStandardOutput(output) ? Path.of("") : output.toAbsolutePath().getParent());

        Interruption.handle(Interruption.of(() -> "interrupted before the end; no unfinished file is left", created::removeEmpty));
        long t0 = System.nanoTime();
        BarSeries series = read();
        long t1 = System.nanoTime();
        log.info("read {} bars ({} .. {}) from {} in {} ms", series.size(), series.date(0), series.date(series.size() - 1), input, ms(t1 - t0));

        IndicatorValues values;
        String description;
        try (ComputeBackend b = backend.open()) {
            description = b.description();
            if (backend.precision() == Precision.FLOAT && b.name().equals("cpu")) {
                spec.commandLine().getErr().println(HybridTa.NAME + ": warning: --precision float has no effect on the cpu backend, "
                        + "which always computes in double");
            }
            values = b.compute(series, specs);
        } catch (OutOfMemoryError e) {
            throw new CliException(HybridTa.FAILED, OutOfMemory.message("computing " + Indicators.columns(specs).size() + " indicator columns over "
                    + OutOfMemory.number(series.size()) + " bars", "compute fewer indicators at once"));
        }
        long t2 = System.nanoTime();
        log.info("computed {} on {} in {} ms", String.join(",", values.columns()), description, ms(t2 - t1));

        write(series, values);
        log.info("wrote {} in {} ms", output, ms(System.nanoTime() - t2));
        if (chart != null) {
            try {
                ChartSink.write(chart, series, specs, values, false);
            } catch (IOException e) {
                throw new CliException(HybridTa.FAILED, "--chart " + chart + ": cannot write: " + Failures.reason(e), e);
            }
        }
        // with the CSV on standard output, the summary goes to stderr
        PrintWriter summary = AtomicFiles.isStandardOutput(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        summary.printf("wrote %s: %d rows, columns date,%s (backend %s)%n", AtomicFiles.isStandardOutput(output) ? "standard output" : output,
                series.size(), String.join(",", values.columns()), description);
        if (chart != null) summary.printf("wrote %s: the chart%n", chart);
        summary.flush();
        return HybridTa.OK;
    }

    private List<Indicator> parseIndicators() {
        try {
            return Indicators.parseList(String.join(",", indicators));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--indicators: " + e.getMessage());
        }
    }

    /** Refuses an output that can never be written, before any work is done. */
    private void checkOutput() {
        if (AtomicFiles.isStandardOutput(output)) return;
        if (Files.isDirectory(output)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " is a directory; give a file name, e.g. "
                    + output.resolve("indicators.csv"));
        }
        if (Files.exists(output) && Files.exists(input)) {
            try {
                if (Files.isSameFile(input, output)) {
                    throw new ParameterException(spec.commandLine(), "--output " + output + " is the input file; choose another name");
                }
            } catch (IOException e) {
                // cannot tell: the write will report any real problem
            }
        }
    }

    private BarSeries read() {
        try {
            BarSeries series = BarCsv.read(input, symbolOf(input));
            if (BarChecks.apply(FetchResult.ok(series), strict.strict()) instanceof FetchResult.Failed f) {
                throw new CliException(HybridTa.FAILED, "--input " + input + ": " + f.reason());
            }
            return series;
        } catch (CsvFormatException e) {
            throw new CliException(HybridTa.FAILED, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(HybridTa.FAILED, "--input " + input + ": cannot read: " + Failures.reason(e), e);
        } catch (OutOfMemoryError e) {
            throw new CliException(HybridTa.FAILED, OutOfMemory.message("reading --input " + input + sizeOf(input), "split the file"));
        }
    }

    private static String sizeOf(Path file) {
        try {
            return " (" + OutOfMemory.number(Files.size(file) >> 20) + " MB)";
        } catch (IOException e) {
            return "";
        }
    }

    private void write(BarSeries series, IndicatorValues values) {
        if (!AtomicFiles.isStandardOutput(output)) {
            // relative when the user gave it so, to name paths in messages as the user wrote them
            Path dir = output.getParent() != null ? output.getParent() : output.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                throw new CliException(HybridTa.FAILED, "--output " + output + ": cannot create its directory: " + e.getFile()
                        + " is a file, not a directory", e);
            } catch (IOException e) {
                throw new CliException(HybridTa.FAILED, "--output " + output + ": cannot create its directory: " + Failures.describe(e), e);
            }
        }
        try {
            IndicatorCsv.write(output, series, values, 0);
        } catch (IOException e) {
            created.removeEmpty();
            throw new CliException(HybridTa.FAILED, "--output " + output + ": cannot write: " + Failures.reason(e), e);
        } catch (OutOfMemoryError e) {
            created.removeEmpty();
            throw new CliException(HybridTa.FAILED, OutOfMemory.message("writing " + OutOfMemory.number(series.size()) + " rows",
                    "compute fewer indicators at once"));
        }
    }

    /** The series' symbol, for messages: the file name without its extension. */
    static String symbolOf(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        if (dot > 0) s = s.substring(0, dot);
        return s.isBlank() ? "input" : s;
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
