package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hybridta.Pipeline;
import org.hybridta.PipelineException;
import org.hybridta.PipelineResult;
import org.hybridta.ProgressListener;
import org.hybridta.StageTimings;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.backend.BackendOptions;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.mpi.MpiException;
import org.hybridta.mpi.MpiPartitioner;
import org.hybridta.parallel.Partitioner;
import org.hybridta.parallel.Partitioners;
import org.hybridta.sink.ChartSink;
import org.hybridta.sink.CsvSink;
import org.hybridta.source.CachingQuoteSource;
import org.hybridta.source.CsvQuoteSource;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta run}: the pipeline over a universe — fetch, compute, write {@code DIR/indicators.csv}
 * and charts — with a progress bar on a terminal and a summary at the end.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Computes indicators for a whole universe (default: the S&P 500 on the synthetic market, January 1 to yesterday) "
                        + "and writes DIR/indicators.csv (one row per symbol and date: date,symbol,open,high,low,close,adj_close,volume, "
                        + "then the indicator columns), plus a PNG chart per --chart symbol in DIR/charts/.",
                "One symbol's failure never stops the others: failures are listed in the summary."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_PARTIAL},
        footer = {"",
                "Examples:",
                "  java -jar examples/target/hybridta.jar run",
                "  java -jar examples/target/hybridta.jar run --symbols AAPL,MSFT,BRK.B --from 2020-01-01 --chart AAPL",
                "  java -jar examples/target/hybridta.jar run --source csv:quotes/ --indicators sma:50,sma:200,rsi:14 --output out/"})
final class RunCommand implements Callable<Integer> {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.^=\\-]{1,20}");

    @Spec private CommandSpec spec;

    static final class UniverseChoice {
        @Option(names = "--universe", paramLabel = "NAME", description = "The universe: sp500 (the default).")
        String universe;

        @Option(names = "--symbols", paramLabel = "SYM[,SYM...]", split = ",", description = "Compute these symbols instead of a universe.")
        List<String> symbols;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private UniverseChoice universeChoice;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "synthetic",
            description = "Where bars come from: synthetic (a deterministic market, no network), or csv:DIR "
                    + "(a directory of SYMBOL.csv files as 'fetch' writes them). Default: ${DEFAULT-VALUE}.")
    private String source;

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "First date, yyyy-MM-dd. Default: January 1 of the current year.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
            description = "End date, exclusive (as yfinance), yyyy-MM-dd. Default: today, i.e. bars through yesterday.")
    private LocalDate to;

    @Option(names = "--indicators", paramLabel = "SPEC[,SPEC...]", defaultValue = "ema:12,rsi:14,macd:12:26:9",
            description = "Indicators, comma-separated. Default: ${DEFAULT-VALUE}.")
    private String indicators;

    @Mixin private BackendChoice backend;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
            description = "Directory for indicators.csv and charts/ (created if missing). Default: ${DEFAULT-VALUE}.")
    private Path output;

    @Option(names = "--chart", paramLabel = "SYM", split = ",", arity = "1..*",
            description = "Draw DIR/charts/SYM.png (price with EMA and Bollinger bands, RSI, MACD) for these symbols.")
    private List<String> charts = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep fetched bars in DIR; a later run asks the source only for what is not there yet.")
    private Path cache;

    @Option(names = "--partitioner", paramLabel = "KIND", defaultValue = "local",
            description = "How the work is spread: local (this process), local:N (N worker threads sharing the devices), "
                    + "or mpi (one part per MPI rank; start every rank with mpirun -np N java -jar hybridta.jar run --partitioner mpi ..., "
                    + "see docs/mpi.md). Default: ${DEFAULT-VALUE}.")
    private String partitioner;

    @Option(names = "--concurrency", paramLabel = "N", description = "At most N symbols fetched at once (the source's own limit still applies).")
    private Integer concurrency;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    private boolean noProgress;

    @Override public Integer call() {
        List<Indicator> specs = parseIndicators();
        backend.checkName();
        Universe universe = universe();
        checkCharts(universe);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " must be before --to " + to + " (--to is exclusive)");
        }
        LocalDate start = from != null ? from : LocalDate.of(LocalDate.now().getYear(), 1, 1);
        LocalDate end = to != null ? to : LocalDate.now();
        if (!start.isBefore(end)) {
            throw new ParameterException(spec.commandLine(), "the date range " + start + " to " + end + " is empty; give --from and --to");
        }
        if (concurrency != null && concurrency < 1) throw new ParameterException(spec.commandLine(), "--concurrency must be >= 1, was " + concurrency);

        // The source opens before MPI starts: a rank that cannot open it fails alone, and mpirun ends the job.
        // From the partitioner on, under MPI every rank takes the same steps: a failure that reaches every rank
        // alike is reported by the root alone, and all exit with the root's code (see exitCodeOfRoot).
        try (QuoteSource quotes = source();
             Partitioner parts = partitioner();
             Progress progress = Progress.start(!noProgress && System.console() != null && parts.isRoot(), universe.size(),
                     parts instanceof MpiPartitioner && parts.workers() > 1)) {
            RuntimeException failure = null;
            int code;
            try {
                Pipeline.Builder b = Pipeline.builder()
                        .universe(universe)
                        .source(quotes)
                        .between(start, end)
                        .indicators(specs)
                        .backend(backend.name())
                        .backendOptions(BackendOptions.builder().precision(backend.precision()).build())
                        .partitioner(parts)
                        .progress(progress)
                        .sink(CsvSink.to(output.resolve("indicators.csv")));
                if (!charts.isEmpty()) b.sink(ChartSink.to(output.resolve("charts"), charts));
                if (concurrency != null) b.fetchConcurrency(concurrency);
                Pipeline pipeline = build(b);

                PipelineResult result = run(pipeline, parts);
                progress.close();
                code = HybridTa.OK;
                if (result.isRoot()) {
                    printSummary(result, universe);
                    if (result.okCount() == 0) {
                        SymbolStatus first = result.failures().get(0);
                        throw new CliException(HybridTa.FAILED, "no symbol could be computed (" + first.symbol() + ": " + first.reason()
                                + (result.failures().size() > 1 ? "; and " + (result.failures().size() - 1) + " more" : "") + ")");
                    }
                    code = result.failures().isEmpty() ? HybridTa.OK : HybridTa.PARTIAL;
                }
            } catch (PipelineException e) {   // every rank throws it alike
                failure = new CliException(HybridTa.FAILED, e.getMessage(), e);
                code = HybridTa.FAILED;
            } catch (CliException e) {
                failure = e;
                code = e.exitCode();
            } catch (ParameterException e) {
                failure = e;
                code = HybridTa.USAGE;
            }
            code = exitCodeOfRoot(parts, code);
            if (failure != null && parts.isRoot()) {
                if (!(parts instanceof MpiPartitioner)) throw failure;
                // one line, from the root, before MPI closes: once a rank has exited non-zero, mpirun ends the others
                report(failure);
            }
            return code;
        }
    }

    /** Prints {@code failure} as the command line's handlers do when it is thrown (one line on stderr). */
    private void report(RuntimeException failure) {
        Failures handler = new Failures((HybridTa) spec.root().userObject());
        if (failure instanceof ParameterException p) handler.handleParseException(p, new String[0]);
        else handler.handleExecutionException(failure, spec.commandLine(), null);
    }

    /** Builds the pipeline; a setting it refuses is a usage error (the same on every rank: it depends on the arguments only). */
    private Pipeline build(Pipeline.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Runs the pipeline. It fails on every rank alike with a {@link PipelineException}; any other failure may have
     * happened on this rank alone, while the others wait for it in MPI: then this rank says why and ends the job.
     */
    private static PipelineResult run(Pipeline pipeline, Partitioner parts) {
        try {
            return pipeline.run();
        } catch (PipelineException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (parts instanceof MpiPartitioner mpi && mpi.workers() > 1) endJob(mpi, e);
            throw e;
        }
    }

    /** Reports this rank's failure in one line (the stack trace at debug level) and aborts the MPI job. Does not return. */
    private static void endJob(MpiPartitioner mpi, Throwable e) {
        System.err.println(HybridTa.NAME + ": " + mpi.runtime().describe() + ": " + Failures.describe(e).replaceAll("\\s*\\R\\s*", "; "));
        LoggerFactory.getLogger(RunCommand.class).debug("the failure that ends the MPI job", e);
        mpi.runtime().abort(HybridTa.FAILED, "the other ranks cannot go on without this one");
    }

    /**
     * The root's exit code, on every rank (with MPI, each rank's process must end with the same status). A rank
     * that receives anything else is out of step with the root: it ends the job rather than hang.
     */
    private static int exitCodeOfRoot(Partitioner parts, int code) {
        String shared = parts.broadcast("exit " + code);
        if (shared != null && shared.matches("exit \\d{1,3}")) return Integer.parseInt(shared.substring(5));
        if (parts instanceof MpiPartitioner mpi) {
            mpi.runtime().abort(HybridTa.FAILED, "out of step with rank 0: expected its exit code, received \"" + shared + "\"");
        }
        throw new IllegalStateException("the partitioner returned \"" + shared + "\" for the exit code");
    }

    private List<Indicator> parseIndicators() {
        try {
            return Indicators.parseList(indicators);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--indicators: " + e.getMessage());
        }
    }

    private Universe universe() {
        if (universeChoice != null && universeChoice.symbols != null) {
            List<String> symbols = new ArrayList<>();
            for (String s : universeChoice.symbols) {
                String sym = s.strip();
                if (sym.isEmpty()) continue;
                if (!SYMBOL.matcher(sym).matches()) {
                    throw new ParameterException(spec.commandLine(), "--symbols: '" + s + "' is not a symbol "
                            + "(letters, digits, '.', '-', '^', '=', at most 20 characters)");
                }
                if (symbols.contains(sym)) throw new ParameterException(spec.commandLine(), "--symbols: " + sym + " is listed twice");
                symbols.add(sym);
            }
            if (symbols.isEmpty()) throw new ParameterException(spec.commandLine(), "--symbols: no symbols given; the universe would be empty");
            // S&P 500 members keep their names, sectors and Yahoo symbols
            Universe sp = Universe.sp500();
            return Universe.ofConstituents("custom", symbols.stream()
                    .map(sym -> sp.find(sym).orElse(org.hybridta.source.Constituent.of(sym))).toList());
        }
        String name = universeChoice == null || universeChoice.universe == null ? "sp500" : universeChoice.universe.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("sp500")) {
            throw new ParameterException(spec.commandLine(), "--universe " + name + ": unknown universe (known: sp500); or give --symbols");
        }
        return Universe.sp500();
    }

    private void checkCharts(Universe universe) {
        for (String c : charts) {
            if (universe.find(c).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--chart " + c + ": not in the universe, so it would have no values");
            }
        }
        charts = charts.stream().map(c -> universe.find(c).orElseThrow().symbol()).toList();
    }

    private Partitioner partitioner() {
        String p = partitioner.strip().toLowerCase(Locale.ROOT);
        if (p.equals("local")) return Partitioners.local();
        if (p.startsWith("local:")) {
            try {
                int n = Integer.parseInt(p.substring(6));
                if (n >= 1) return Partitioners.local(n);
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new ParameterException(spec.commandLine(), "--partitioner " + partitioner + ": expected local:N with N >= 1");
        }
        if (p.equals("mpi")) {
            try {
                return MpiPartitioner.open();
            } catch (MpiException | IllegalStateException e) {   // not under mpirun, bindings missing, MPI started twice
                throw new CliException(HybridTa.FAILED, "--partitioner mpi: " + e.getMessage(), e);
            }
        }
        throw new ParameterException(spec.commandLine(), "--partitioner " + partitioner + ": unknown (choose local, local:N or mpi)");
    }

    private QuoteSource source() {
        String s = source.strip();
        QuoteSource q;
        if (s.equalsIgnoreCase("synthetic")) {
            q = SyntheticQuoteSource.create();
        } else if (s.regionMatches(true, 0, "csv:", 0, 4)) {
            String dir = s.substring(4);
            if (dir.isBlank()) throw new ParameterException(spec.commandLine(), "--source csv:DIR needs a directory, e.g. csv:quotes/");
            try {
                q = CsvQuoteSource.of(Path.of(dir));
            } catch (UncheckedIOException e) {
                throw new CliException(HybridTa.FAILED, "--source " + s + ": " + e.getCause().getMessage(), e);
            }
        } else {
            throw new ParameterException(spec.commandLine(), "--source " + s + ": unknown source (choose synthetic or csv:DIR)");
        }
        return cache == null ? q : CachingQuoteSource.wrap(q, cache);
    }

    private void printSummary(PipelineResult r, Universe universe) {
        PrintWriter out = spec.commandLine().getOut();
        StageTimings t = r.timings();
        out.printf(Locale.ROOT, "%s: %d of %d symbols ok, %d failed; %,d bars%n", universe.name(), r.okCount(), r.statuses().size(),
                r.failures().size(), r.bars());
        out.printf(Locale.ROOT, "source %s, backend %s, partitioner %s%n", r.source(), r.backend(), r.partitioner());
        out.printf(Locale.ROOT, "time: partition %s, fetch %s, compute %s, gather %s, write %s, total %s%n", ms(t.partition()),
                ms(t.fetch()), ms(t.compute()), ms(t.gather()), ms(t.write()), ms(t.total()));
        List<SymbolStatus> failures = r.failures();
        int shown = Math.min(failures.size(), 20);
        for (int i = 0; i < shown; i++) {
            SymbolStatus f = failures.get(i);
            out.printf("failed %s: %s (%s)%n", f.symbol(), f.reason(), f.failure().map(Enum::name).orElse("?").toLowerCase(Locale.ROOT));
        }
        if (failures.size() > shown) out.printf("... and %d more failures%n", failures.size() - shown);
        for (Path f : r.files()) out.println("wrote " + f);
        out.flush();
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.0f ms", d.toNanos() / 1e6);
    }

    /**
     * A progress bar on stderr when on a terminal; nothing otherwise. Under MPI only the root shows one, and it
     * counts the root's own part (the other ranks' progress would cost messages): {@code ownPartOnly}.
     */
    static final class Progress implements ProgressListener, AutoCloseable {
        private final ProgressBar bar;
        private final boolean ownPartOnly;
        private boolean closed;

        private Progress(ProgressBar bar, boolean ownPartOnly) {
            this.bar = bar;
            this.ownPartOnly = ownPartOnly;
        }

        static Progress start(boolean show, int total, boolean ownPartOnly) {
            if (!show) return new Progress(null, ownPartOnly);
            return new Progress(new ProgressBarBuilder().setTaskName(ownPartOnly ? "rank 0's symbols" : "symbols")
                    .setInitialMax(ownPartOnly ? -1 : total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).continuousUpdate().build(), ownPartOnly);
        }

        @Override public synchronized void symbolDone(SymbolStatus status, int done, int total) {
            if (bar == null) return;
            if (ownPartOnly) bar.maxHint(total);
            bar.step();
        }

        @Override public synchronized void close() {
            if (bar != null && !closed) bar.close();
            closed = true;
        }
    }

    /** Dates as yyyy-MM-dd, with a message that says so. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a date (yyyy-MM-dd)");
            }
        }
    }
}
