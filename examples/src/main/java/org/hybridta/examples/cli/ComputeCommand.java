package org.hybridta.examples.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hybridta.BarChecks;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.BarCsv;
import org.hybridta.io.CsvFormatException;
import org.hybridta.io.IndicatorCsv;
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
                "Output: date, then one column per indicator output (ema_12, macd_12_26_9, macd_12_26_9_signal, "
                        + "macd_12_26_9_hist, ...); a cell is empty before the indicator's first value. "
                        + "Values have full double precision."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE},
        footer = {"",
                "Indicators (NAME or NAME:PARAMS; a name alone takes the defaults shown):",
                "  sma:20 ema:20 wma:20 dema:20 tema:20 rsi:14 macd:12:26:9 bbands:20:2",
                "  atr:14 trange stoch:14:3:3 adx:14 cci:20 willr:14 roc:10 mom:10 obv mfi:14",
                "",
                "Example:",
                "  java -jar examples/target/hybridta.jar compute \\",
                "      --input examples/data/sample.csv \\",
                "      --indicators ema:12,rsi:14,macd:12:26:9 \\",
                "      --output out/sample-indicators.csv"})
final class ComputeCommand implements Callable<Integer> {
    // not a static field: picocli creates this command before parsing -v/--debug, which set the log level
    // that SLF4J reads once, when the first logger is made
    private Logger log;

    @Spec private CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "CSV file of daily bars to read.")
    private Path input;

    @Option(names = "--indicators", required = true, paramLabel = "SPEC[,SPEC...]",
            description = "Indicators to compute, comma-separated, e.g. ema:12,rsi:14,macd:12:26:9 (may be repeated).")
    private List<String> indicators;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "CSV file to write; replaced if it exists, its directory created if missing.")
    private Path output;

    @Mixin private BackendChoice backend;

    @Mixin private StrictOption strict;

    @Override public Integer call() throws IOException {
        log = LoggerFactory.getLogger(ComputeCommand.class);
        List<Indicator> specs = parseIndicators();
        backend.checkName();
        checkOutput();

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
        }
        long t2 = System.nanoTime();
        log.info("computed {} on {} in {} ms", String.join(",", values.columns()), description, ms(t2 - t1));

        write(series, values);
        log.info("wrote {} in {} ms", output, ms(System.nanoTime() - t2));
        spec.commandLine().getOut().printf("wrote %s: %d rows, columns date,%s (backend %s)%n",
                output, series.size(), String.join(",", values.columns()), description);
        spec.commandLine().getOut().flush();
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
        }
    }

    private void write(BarSeries series, IndicatorValues values) {
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
        try {
            IndicatorCsv.write(output, series, values, 0);
        } catch (IOException e) {
            // the reason alone: the file it names may be the hidden temporary file, which means nothing to the user
            throw new CliException(HybridTa.FAILED, "--output " + output + ": cannot write: " + Failures.reason(e), e);
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
