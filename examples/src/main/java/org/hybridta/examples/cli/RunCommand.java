package org.hybridta.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.hybridta.formats.TableFormat;
import org.hybridta.formats.TableSink;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.UntrustedText;
import org.hybridta.mpi.MpiException;
import org.hybridta.mpi.MpiPartitioner;
import org.hybridta.parallel.Partitioner;
import org.hybridta.parallel.Partitioners;
import org.hybridta.sink.ChartSink;
import org.hybridta.source.QuoteSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta run}: the pipeline over a universe — fetch (with the indicators' warm-up history), compute,
 * write {@code DIR/indicators.csv} (or {@code .parquet}, {@code .duckdb}) part by part, and charts — with a
 * progress bar on a terminal and a summary at the end.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Computes indicators for a whole universe (default: the S&P 500 on the synthetic market, January 1 to yesterday) "
                        + "and writes DIR/indicators.csv, .parquet or .duckdb (one row per symbol and date: date,symbol,open,high,low,close,"
                        + "adj_close,volume, then the indicator columns), plus a PNG chart per --chart symbol in DIR/charts/.",
                "Bars before --from are fetched as the indicators need them (--warmup), so that a value on a date does not depend on "
                        + "--from; only --from to --to is written.",
                "One symbol's failure never stops the others: the summary lists the first failures, DIR/failures.csv all of them."},
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_PARTIAL, HybridTa.EXIT_INTERRUPTED,
                HybridTa.EXIT_TERMINATED},
        footer = {"",
                "Examples:",
                "  java -jar examples/target/hybridta.jar run",
                "  java -jar examples/target/hybridta.jar run --symbols AAPL,MSFT,BRK.B \\",
                "      --from 2020-01-01 --chart AAPL",
                "  java -jar examples/target/hybridta.jar run --source yahoo \\",
                "      --from 2024-01-01 --to 2025-01-01",
                "  java -jar examples/target/hybridta.jar run --source csv:quotes/ \\",
                "      --indicators sma:50,sma:200,rsi:14 --output out/",
                "  java -jar examples/target/hybridta.jar run --format parquet",
                "  java -jar examples/target/hybridta.jar run -o out/run.duckdb"})
final class RunCommand implements Callable<Integer> {
    /** The source without --source: the synthetic market, which needs no network. */
    private static final String DEFAULT_SOURCE = "synthetic";
    /** How many failures the summary lists; the rest are counted. All of them are in DIR/failures.csv. */
    private static final int FAILURES_SHOWN = 20;
    /** How many symbols with less warm-up history than asked the summary names (with the bars they had); the rest are counted. */
    private static final int SHORT_SHOWN = 10;

    @Spec private CommandSpec spec;

    @Mixin private UniverseChoice universeChoice;

    @Mixin private SourceChoice source;

    @Mixin private DateRange dates;

    @Option(names = "--indicators", paramLabel = "SPEC[,SPEC...]", defaultValue = "ema:12,rsi:14,macd:12:26:9",
            description = "Indicators, comma-separated (cdl:all adds every candlestick pattern). Default: ${DEFAULT-VALUE}.")
    private String indicators;

    @Mixin private BackendChoice backend;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE", defaultValue = "out",
            description = "Directory for indicators.csv (.parquet, .duckdb), charts/ and failures.csv (created if missing); or the "
                    + "table file itself, named *.csv, *.parquet or *.duckdb (failures.csv and charts/ beside it); - writes CSV to "
                    + "standard output (and the summary to stderr). Default: ${DEFAULT-VALUE}.")
    private Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, parquet (typed, zstd: pandas, polars, DuckDB, Spark) or duckdb (a database with table indicators). "
                    + "Default: the extension of --output when it names a file, else csv.")
    private String format;

    @Option(names = "--warmup", paramLabel = "BARS",
            description = "Bars of history to fetch before --from, so that values from --from on equal those of a run over all the "
                    + "history. Default: what the indicators need (their lookback, plus the bars a recursive one's seed takes to fade "
                    + "below 1e-13: EMA, RSI, ATR, ADX, MACD, ...); 0 starts them at --from.")
    private Integer warmup;

    @Option(names = "--chart", paramLabel = "SYM", split = ",", arity = "1..*",
            description = "Draw DIR/charts/SYM.png for these symbols: candles and volume, the indicators on the price's scale over "
                    + "the candles, markers where the patterns fire, a panel for each other indicator.")
    private List<String> charts = new ArrayList<>();

    @Mixin private CacheChoice cache;

    @Mixin private StrictOption strict;

    @Option(names = "--partitioner", paramLabel = "KIND", defaultValue = "local",
            description = "How the work is spread: local (this process), local:N (N worker threads sharing the devices), "
                    + "or mpi (one part per MPI rank; start every rank with mpirun -np N java -jar hybridta.jar run --partitioner mpi ..., "
                    + "see docs/mpi.md). Default: ${DEFAULT-VALUE}.")
    private String partitioner;

    @Option(names = "--progress-timeout", paramLabel = "SECONDS", defaultValue = "" + MpiPartitioner.DEFAULT_PROGRESS_TIMEOUT_SECONDS,
            description = "With --partitioner mpi: end the job when a rank gives no sign of life for this long (stopped, hung, "
                    + "unreachable); a rank that works, however long, is not silent. Default: ${DEFAULT-VALUE}.")
    private int progressTimeout;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    private boolean noProgress;

    @Override public Integer call() {
        List<Indicator> specs = parseIndicators();
        backend.checkName();
        Universe universe = universeChoice.universe();
        checkCharts(universe);
        DateRange.Resolved range = source.dates(dates, universe, DEFAULT_SOURCE);
        LocalDate start = range.from(), end = range.to();
        SourceChoice.Kind sourceKind = source.kind(DEFAULT_SOURCE);
        boolean toStandardOutput = AtomicFiles.isStandardOutput(output);
        if (toStandardOutput && !charts.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--chart needs an output directory; with --output - the CSV goes to standard output");
        }
        TableFormat tableFormat = tableFormat(toStandardOutput);
        // -o names the table file itself, or the directory that holds it (and failures.csv, charts/)
        boolean toFile = !toStandardOutput && TableFormat.forFileName(output).isPresent();
        Path table = toStandardOutput || toFile ? output : output.resolve("indicators." + tableFormat.extension());
        Path folder = toStandardOutput ? Path.of("") : toFile ? parentOf(output) : output;
        if (warmup != null && warmup < 0) throw new ParameterException(spec.commandLine(), "--warmup must be >= 0 bars, was " + warmup);
        // the summary must not mix with a CSV on standard output
        PrintWriter summary = toStandardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
        CreatedFolders created = CreatedFolders.before(charts.isEmpty() ? folder : folder.resolve("charts"));

        // The source opens before MPI starts: a rank that cannot open it fails alone, and mpirun ends the job.
        // From the partitioner on, under MPI every rank takes the same steps: a failure that reaches every rank
        // alike is reported by the root alone, and all exit with the root's code (Partitioner.shareExitCode).
        try (QuoteSource quotes = cache.wrap(source.open(DEFAULT_SOURCE), sourceKind == SourceChoice.Kind.YAHOO);
             Partitioner parts = partitioner();
             Progress progress = Progress.start(!noProgress && System.console() != null && parts.isRoot(), parts.isDistributed())) {
            Interruption.handle(Interruption.of(
                    () -> parts.isRoot() && !parts.endReported() ? "interrupted before the end; no unfinished file is left" : null,
                    () -> {
                        if (parts.isRoot()) created.removeEmpty();
                    }));
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
                        .strict(strict.strict())
                        .sink(TableSink.to(table, tableFormat));
                if (warmup != null) b.warmup(warmup);
                if (!charts.isEmpty()) b.sink(ChartSink.to(folder.resolve("charts"), charts));
                if (source.concurrency() != null) b.fetchConcurrency(source.concurrency());
                Pipeline pipeline = build(b);

                PipelineResult result = run(pipeline, parts);
                progress.close();
                code = HybridTa.OK;
                if (result.isRoot()) {
                    List<SymbolStatus> failed = result.failures();
                    // a source that cannot be reached at all: the one line says why for every symbol (no failures.csv)
                    if (result.okCount() == 0 && SourceChoice.allUnreachable(failed.stream().map(f -> f.failure().orElseThrow()).toList())) {
                        throw new CliException(HybridTa.FAILED, failed.get(0).reason());
                    }
                    FailureFile.Record record = toStandardOutput ? FailureFile.none()
                            : FailureFile.record(folder.resolve(FailureFile.NAME), failed);
                    printSummary(summary, result, universe, start, record);
                    if (result.okCount() == 0) {
                        SymbolStatus first = result.failures().get(0);
                        throw new CliException(HybridTa.FAILED, "no symbol could be computed (" + first.symbol() + ": " + first.reason()
                                + (result.failures().size() > 1 ? "; and " + (result.failures().size() - 1) + " more" : "") + record.where() + ")");
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
            code = parts.shareExitCode(code);
            Interruption.finished();   // decided on every rank: a signal from here on only ends what has ended
            if (parts.isRoot() && code == HybridTa.FAILED) created.removeEmpty();
            // one line, from the root, before the partitioner closes: under MPI, once a rank has exited non-zero,
            // mpirun ends the others
            if (failure != null && parts.isRoot()) report(failure);
            return code;
        }
    }

    /** Prints {@code failure} as the command line's handlers do when it is thrown (one line on stderr). */
    private void report(RuntimeException failure) {
        Failures handler = new Failures((HybridTa) spec.root().userObject());
        if (failure instanceof ParameterException p) handler.handleParseException(p, new String[0]);
        else handler.handleExecutionException(failure, spec.commandLine(), null);
    }

    /**
     * Builds the pipeline; a setting it refuses is a usage error (the same on every rank: it depends on the arguments
     * only), a sink's missing library a failure.
     */
    private Pipeline build(Pipeline.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IllegalStateException e) {
            throw new CliException(HybridTa.FAILED, e.getMessage(), e);
        }
    }

    /**
     * Runs the pipeline. It fails on every rank alike with a {@link PipelineException}; any other failure may have
     * happened on this rank alone, while the others wait for it: then this rank says why and ends the job
     * ({@link Partitioner#abandon}).
     */
    private static PipelineResult run(Pipeline pipeline, Partitioner parts) {
        try {
            return pipeline.run();
        } catch (PipelineException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (parts.isDistributed()) {
                System.err.println(HybridTa.NAME + ": " + parts.workerName() + ": " + Failures.describe(e).replaceAll("\\s*\\R\\s*", "; "));
                LoggerFactory.getLogger(RunCommand.class).debug("the failure that ends the distributed job", e);
                parts.abandon(HybridTa.FAILED, "the other ranks cannot go on without this one");
            }
            throw e;
        }
    }

    private List<Indicator> parseIndicators() {
        try {
            return Indicators.parseList(indicators);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--indicators: " + e.getMessage());
        }
    }

    private void checkCharts(Universe universe) {
        for (String c : charts) {
            if (universe.find(c).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--chart " + UntrustedText.cap(c) + ": not in the universe, so it would have no values");
            }
        }
        charts = charts.stream().map(c -> universe.find(c).orElseThrow().symbol()).toList();
    }

    /** {@code --format}, else the extension of a file named by {@code -o}, else CSV; a usage error when they disagree. */
    private TableFormat tableFormat(boolean toStandardOutput) {
        Optional<TableFormat> byName = toStandardOutput ? Optional.empty() : TableFormat.forFileName(output);
        if (format == null) return byName.orElse(TableFormat.CSV);
        TableFormat asked = null;
        for (TableFormat f : TableFormat.values()) if (f.extension().equalsIgnoreCase(format.strip())) asked = f;
        if (asked == null) {
            throw new ParameterException(spec.commandLine(), "--format " + UntrustedText.cap(format) + ": unknown format (choose csv, parquet or duckdb)");
        }
        if (toStandardOutput && asked != TableFormat.CSV) {
            throw new ParameterException(spec.commandLine(), "--format " + asked.extension() + " cannot go to standard output (-o -): "
                    + "it is written whole and read back by seeking; name a file, or use --format csv");
        }
        if (byName.isPresent() && byName.get() != asked) {
            throw new ParameterException(spec.commandLine(), "--format " + asked.extension() + " but --output " + output + " names a ."
                    + byName.get().extension() + " file; drop one of them");
        }
        return asked;
    }

    private static Path parentOf(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of("");
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
            if (progressTimeout < 1) throw new ParameterException(spec.commandLine(), "--progress-timeout must be >= 1 second, was " + progressTimeout);
            try {
                return MpiPartitioner.builder().progressTimeout(Duration.ofSeconds(progressTimeout)).report(line -> {
                    System.err.println(HybridTa.NAME + ": " + line);
                    System.err.flush();
                }).open();
            } catch (MpiException | IllegalStateException e) {   // not under mpirun, bindings missing, MPI started twice
                throw new CliException(HybridTa.FAILED, "--partitioner mpi: " + e.getMessage(), e);
            }
        }
        throw new ParameterException(spec.commandLine(), "--partitioner " + partitioner + ": unknown (choose local, local:N or mpi)");
    }

    private void printSummary(PrintWriter out, PipelineResult r, Universe universe, LocalDate from, FailureFile.Record record) {
        StageTimings t = r.timings();
        out.printf(Locale.ROOT, "%s: %d of %d symbols ok, %d failed; %,d bars%s%n", universe.name(), r.okCount(), r.statuses().size(),
                r.failures().size(), r.bars(), r.isSynthetic() ? " of synthetic prices (made up, not market data)" : "");
        out.printf(Locale.ROOT, "source %s, backend %s, partitioner %s%n", r.source(), r.backend(), r.partitioner());
        out.printf(Locale.ROOT, "time: partition %s, fetch %s, compute %s, gather %s, write %s, total %s%n", ms(t.partition()),
                ms(t.fetch()), ms(t.compute()), ms(t.gather()), ms(t.write()), ms(t.total()));
        if (r.workers().size() > 1) {
            // who computed what: per MPI rank (or local worker) its symbols and its backend's device
            for (PipelineResult.Worker w : r.workers()) {
                out.printf(Locale.ROOT, "%s: %d symbols, %,d bars on %s; fetch %s, compute %s%n", w.worker(), w.symbols(), w.bars(),
                        w.backend().isEmpty() ? "no backend (nothing to compute)" : w.backend(), ms(w.fetch()), ms(w.compute()));
            }
        }
        List<SymbolStatus> shortHistory = r.shortHistory();
        if (!shortHistory.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < Math.min(SHORT_SHOWN, shortHistory.size()); i++) {
                names.append(i == 0 ? "" : ", ").append(shortHistory.get(i).symbol()).append(" (").append(shortHistory.get(i).warmup()).append(')');
            }
            out.printf(Locale.ROOT, "warm-up: %d of %d symbols had less history than the %,d bars asked before %s (listed later, or the "
                    + "source holds less), so their first values come later: %s%s%n", shortHistory.size(), r.okCount(), r.warmup(), from,
                    names, shortHistory.size() > SHORT_SHOWN ? " and " + (shortHistory.size() - SHORT_SHOWN) + " more" : "");
        }
        List<SymbolStatus> failures = r.failures();
        int shown = record.listAll() ? failures.size() : Math.min(failures.size(), FAILURES_SHOWN);
        for (int i = 0; i < shown; i++) {
            SymbolStatus f = failures.get(i);
            out.printf("failed %s: %s (%s)%n", f.symbol(), f.reason(), f.failure().map(Enum::name).orElse("?").toLowerCase(Locale.ROOT));
        }
        if (failures.size() > shown) out.printf("... and %d more failures%s%n", failures.size() - shown, record.where());
        for (Path f : r.files()) out.println("wrote " + (AtomicFiles.isStandardOutput(f) ? "standard output" : f));
        record.printTo(out);
        out.flush();
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.0f ms", d.toNanos() / 1e6);
    }

    /**
     * A progress bar on stderr when on a terminal; nothing otherwise. It counts the rows written (every part's, at the
     * root) against the rows expected, never full before the last part is written, and says how far the fetch and the
     * computation are; under MPI those are the root's own parts ({@code ownPartsOnly}; the other ranks' progress would
     * cost messages).
     */
    static final class Progress implements ProgressListener, AutoCloseable {
        private final ProgressBar bar;
        private final boolean ownPartsOnly;
        private final long[] done = new long[ProgressListener.Stage.values().length];
        private final long[] total = new long[done.length];
        private boolean closed;

        private Progress(ProgressBar bar, boolean ownPartsOnly) {
            this.bar = bar;
            this.ownPartsOnly = ownPartsOnly;
        }

        static Progress start(boolean show, boolean ownPartsOnly) {
            if (!show) return new Progress(null, ownPartsOnly);
            return new Progress(new ProgressBarBuilder().setTaskName("rows written").setInitialMax(-1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).continuousUpdate().build(), ownPartsOnly);
        }

        @Override public synchronized void advanced(Stage stage, long doneNow, long totalNow) {
            if (bar == null || closed) return;
            done[stage.ordinal()] = doneNow;
            total[stage.ordinal()] = totalNow;
            int write = Stage.WRITE.ordinal();
            if (total[write] > 0) {
                bar.maxHint(total[write]);
                bar.stepTo(done[write]);
            }
            bar.setExtraMessage(String.format(Locale.ROOT, " %s fetched %,d/%,d, computed %,d/%,d", ownPartsOnly ? "rank 0" : "symbols",
                    done[Stage.FETCH.ordinal()], total[Stage.FETCH.ordinal()], done[Stage.COMPUTE.ordinal()], total[Stage.COMPUTE.ordinal()]));
        }

        @Override public synchronized void close() {
            if (bar != null && !closed) bar.close();
            closed = true;
        }
    }
}
