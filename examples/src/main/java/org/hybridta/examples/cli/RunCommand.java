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
import org.hybridta.parallel.Partitioner;
import org.hybridta.parallel.Partitioners;
import org.hybridta.sink.ChartSink;
import org.hybridta.sink.CsvSink;
import org.hybridta.source.QuoteSource;
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

    @Option(names = "--partitioner", paramLabel = "KIND", defaultValue = "local",
            description = "How the work is spread: local (this process), local:N (N worker threads sharing the devices). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String partitioner;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    private boolean noProgress;

    @Override public Integer call() {
        List<Indicator> specs = parseIndicators();
        backend.checkName();
        Universe universe = universeChoice.universe();
        checkCharts(universe);
        DateRange.Resolved range = dates.resolve();
        LocalDate start = range.from(), end = range.to();
        SourceChoice.Kind sourceKind = source.kind(DEFAULT_SOURCE);
        Partitioner parts = partitioner();

        try (QuoteSource quotes = cache.wrap(source.open(DEFAULT_SOURCE), sourceKind == SourceChoice.Kind.YAHOO);
             Progress progress = Progress.start(!noProgress && System.console() != null && parts.isRoot(), universe.size())) {
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
            if (source.concurrency() != null) b.fetchConcurrency(source.concurrency());
            Pipeline pipeline = b.build();

            PipelineResult result = pipeline.run();
            progress.close();
            if (!result.isRoot()) return HybridTa.OK;
            printSummary(result, universe);
            if (result.okCount() == 0) {
                SymbolStatus first = result.failures().get(0);
                throw new CliException(HybridTa.FAILED, "no symbol could be computed (" + first.symbol() + ": " + first.reason()
                        + (result.failures().size() > 1 ? "; and " + (result.failures().size() - 1) + " more" : "") + ")");
            }
            return result.failures().isEmpty() ? HybridTa.OK : HybridTa.PARTIAL;
        } catch (PipelineException e) {
            throw new CliException(HybridTa.FAILED, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
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
        throw new ParameterException(spec.commandLine(), "--partitioner " + partitioner + ": unknown (choose local or local:N)");
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

    /** A progress bar on stderr when on a terminal; nothing otherwise. */
    static final class Progress implements ProgressListener, AutoCloseable {
        private final ProgressBar bar;
        private boolean closed;

        private Progress(ProgressBar bar) {
            this.bar = bar;
        }

        static Progress start(boolean show, int total) {
            if (!show) return new Progress(null);
            return new Progress(new ProgressBarBuilder().setTaskName("symbols").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).continuousUpdate().build());
        }

        @Override public void symbolDone(SymbolStatus status, int done, int total) {
            if (bar != null) bar.step();
        }

        @Override public synchronized void close() {
            if (bar != null && !closed) bar.close();
            closed = true;
        }
    }
}
