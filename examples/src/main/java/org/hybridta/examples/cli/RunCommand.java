package org.hybridta.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.UntrustedText;
import org.hybridta.mpi.MpiException;
import org.hybridta.mpi.MpiPartitioner;
import org.hybridta.parallel.Partitioner;
import org.hybridta.parallel.Partitioners;
import org.hybridta.sink.ChartSink;
import org.hybridta.sink.CsvSink;
import org.hybridta.source.QuoteSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
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
                "  java -jar examples/target/hybridta.jar run --source yahoo --from 2024-01-01 --to 2025-01-01",
                "  java -jar examples/target/hybridta.jar run --source csv:quotes/ --indicators sma:50,sma:200,rsi:14 --output out/"})
final class RunCommand implements Callable<Integer> {
    /** The source without --source: the synthetic market, which needs no network. */
    private static final String DEFAULT_SOURCE = "synthetic";

    @Spec private CommandSpec spec;

    @Mixin private UniverseChoice universeChoice;

    @Mixin private SourceChoice source;

    @Mixin private DateRange dates;

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

    @Mixin private CacheChoice cache;

    @Mixin private StrictOption strict;

    @Option(names = "--partitioner", paramLabel = "KIND", defaultValue = "local",
            description = "How the work is spread: local (this process), local:N (N worker threads sharing the devices), "
                    + "or mpi (one part per MPI rank; start every rank with mpirun -np N java -jar hybridta.jar run --partitioner mpi ..., "
                    + "see docs/mpi.md). Default: ${DEFAULT-VALUE}.")
    private String partitioner;

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

        // The source opens before MPI starts: a rank that cannot open it fails alone, and mpirun ends the job.
        // From the partitioner on, under MPI every rank takes the same steps: a failure that reaches every rank
        // alike is reported by the root alone, and all exit with the root's code (see exitCodeOfRoot).
        try (QuoteSource quotes = cache.wrap(source.open(DEFAULT_SOURCE), sourceKind == SourceChoice.Kind.YAHOO);
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
                        .strict(strict.strict())
                        .sink(CsvSink.to(output.resolve("indicators.csv")));
                if (!charts.isEmpty()) b.sink(ChartSink.to(output.resolve("charts"), charts));
                if (source.concurrency() != null) b.fetchConcurrency(source.concurrency());
                Pipeline pipeline = build(b);

                PipelineResult result = run(pipeline, parts);
                progress.close();
                code = HybridTa.OK;
                if (result.isRoot()) {
                    List<SymbolStatus> failed = result.failures();
                    if (result.okCount() == 0 && SourceChoice.allUnreachable(failed.stream().map(f -> f.failure().orElseThrow()).toList())) {
                        throw new CliException(HybridTa.FAILED, failed.get(0).reason());
                    }
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

    private void checkCharts(Universe universe) {
        for (String c : charts) {
            if (universe.find(c).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--chart " + UntrustedText.cap(c) + ": not in the universe, so it would have no values");
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

    private void printSummary(PipelineResult r, Universe universe) {
        PrintWriter out = spec.commandLine().getOut();
        StageTimings t = r.timings();
        out.printf(Locale.ROOT, "%s: %d of %d symbols ok, %d failed; %,d bars%s%n", universe.name(), r.okCount(), r.statuses().size(),
                r.failures().size(), r.bars(), r.isSynthetic() ? " of synthetic prices (made up, not market data)" : "");
        out.printf(Locale.ROOT, "source %s, backend %s, partitioner %s%n", r.source(), r.backend(), r.partitioner());
        out.printf(Locale.ROOT, "time: partition %s, fetch %s, compute %s, gather %s, write %s, total %s%n", ms(t.partition()),
                ms(t.fetch()), ms(t.compute()), ms(t.gather()), ms(t.write()), ms(t.total()));
        if (r.parts().size() > 1) {
            // who computed what: per MPI rank (or local worker) its symbols and its backend's device
            for (PipelineResult.Part p : r.parts()) {
                out.printf(Locale.ROOT, "part %d: %d symbols, %,d bars on %s; fetch %s, compute %s%n", p.part(), p.symbols(), p.bars(),
                        p.backend().isEmpty() ? "no backend (nothing to compute)" : p.backend(), ms(p.fetch()), ms(p.compute()));
            }
        }
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
}
