package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.hybridta.BarChecks;
import org.hybridta.BarSeries;
import org.hybridta.OutOfMemory;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.BarCsv;
import org.hybridta.io.IoErrors;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta fetch}: daily bars of a universe from a quote source into {@code DIR/SYMBOL.csv}, one file
 * per symbol that could be fetched, in the format {@code compute} and {@code --source csv:DIR} read.
 *
 * <p>Symbols are fetched concurrently, never more at once than the source allows ({@link QuoteSource#maxConcurrency()});
 * each file is written whole or not at all as soon as its bars arrive. One symbol's failure never stops the
 * others: failures are listed at the end, and the exit code says whether there were any.
 */
@Command(name = "fetch",
        mixinStandardHelpOptions = true,
        description = {
                "Fetches daily bars of a universe (default: the S&P 500, January 1 to yesterday) and writes DIR/SYMBOL.csv "
                        + "for each symbol that could be fetched (date,open,high,low,close,adj_close,volume; ISO dates, full precision), "
                        + "named by the symbol as the universe lists it (BRK.B.csv, fetched from Yahoo as BRK-B).",
                "One symbol's failure never stops the others: failures are listed with their reasons, and no file is written for them."},
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, FetchCommand.EXIT_FAILED, FetchCommand.EXIT_USAGE, FetchCommand.EXIT_PARTIAL,
                HybridTa.EXIT_INTERRUPTED, HybridTa.EXIT_TERMINATED},
        footer = {"",
                "Examples:",
                "  java -jar examples/target/hybridta.jar fetch --source yahoo \\",
                "      --universe sp500 --from 2024-01-01 --to 2025-01-01 --output quotes/",
                "  java -jar examples/target/hybridta.jar fetch --source yahoo \\",
                "      --symbols AAPL,MSFT,BRK.B --output quotes/",
                "  java -jar examples/target/hybridta.jar run --source csv:quotes/ \\",
                "      --from 2024-01-01 --to 2025-01-01"})
final class FetchCommand implements Callable<Integer> {
    static final String EXIT_FAILED = "1:failure: no symbol could be fetched, the output directory cannot be written, "
            + "a CSV source directory cannot be read";
    static final String EXIT_USAGE = "2:usage error: unknown or missing option, invalid value or symbol, unknown source";
    static final String EXIT_PARTIAL = "3:some symbols failed (the first are listed with their reasons, all of them in "
            + "DIR/failures.csv); the others were written";

    /** How many failures the summary lists; the rest are counted. All of them are in DIR/failures.csv. */
    private static final int FAILURES_SHOWN = 50;

    // not static: picocli creates this command before parsing -v/--debug, which set the log level
    private Logger log;

    @Spec private CommandSpec spec;

    @Mixin private UniverseChoice universeChoice;

    @Mixin private DateRange dates;

    @Mixin private SourceChoice source;

    @Mixin private StrictOption strict;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory for the SYMBOL.csv files (created if missing), and failures.csv when some symbols fail; "
                    + "an existing file of a symbol fetched is replaced.")
    private Path output;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    private boolean noProgress;

    /** One symbol's outcome: the file written and its bars, or why there is none. */
    private record Outcome(Constituent constituent, Path file, int bars, FailureKind kind, String reason) {
        boolean ok() { return file != null; }
    }

    @Override public Integer call() {
        log = LoggerFactory.getLogger(FetchCommand.class);
        Universe universe = universeChoice.universe();
        DateRange.Resolved range = source.dates(dates, universe, null);
        boolean yahoo = source.kind(null) == SourceChoice.Kind.YAHOO;
        checkNotTheSource();

        long t0 = System.nanoTime();
        List<Outcome> outcomes;
        String sourceName;
        CreatedFolders created = CreatedFolders.before(output);
        AtomicInteger done = new AtomicInteger();
        Interruption.handle(Interruption.of(() -> "interrupted after " + done.get() + " of " + universe.size()
                + " symbols; the files written are whole, no unfinished file is left", created::removeEmpty));
        // the source first: a bad --yahoo-url or CSV directory is found before the output directory is made
        try (QuoteSource quotes = source.open(null)) {
            sourceName = quotes.name() + (quotes.isSynthetic() ? " (made-up prices, not market data)" : "");
            prepareOutput();
            try (Progress progress = Progress.start(!noProgress && System.console() != null, universe.size())) {
                outcomes = fetchAll(quotes, universe, range.from(), range.to(), () -> {
                    done.incrementAndGet();
                    progress.step();
                });
            } catch (RuntimeException e) {
                created.removeEmpty();
                throw e;
            }
        }
        long ms = Math.round((System.nanoTime() - t0) / 1e6);

        List<Outcome> failures = outcomes.stream().filter(o -> !o.ok()).toList();
        // a source that cannot be reached at all: the one line says why for every symbol (no failures.csv)
        if (failures.size() == outcomes.size() && SourceChoice.allUnreachable(failures.stream().map(Outcome::kind).toList())) {
            created.removeEmpty();
            throw new CliException(HybridTa.FAILED, failures.get(0).reason());
        }
        FailureFile.Record record = FailureFile.record(output.resolve(FailureFile.NAME), failures.stream()
                .map(o -> SymbolStatus.failed(o.constituent().symbol(), o.kind(), o.reason())).toList());
        printSummary(universe, sourceName, yahoo, range, outcomes, failures, record, ms);
        if (failures.size() == outcomes.size()) {
            created.removeEmpty();
            Outcome first = failures.get(0);
            throw new CliException(HybridTa.FAILED, "no symbol could be fetched (" + first.constituent().symbol() + ": " + first.reason()
                    + (failures.size() > 1 ? "; and " + (failures.size() - 1) + " more" : "") + record.where() + ")");
        }
        return failures.isEmpty() ? HybridTa.OK : HybridTa.PARTIAL;
    }

    /** fetch's synopsis shows {@code --source} as required, as it is (the option is shared with run, where it is not). */
    static void showSourceAsRequired(CommandLine fetch) {
        fetch.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, help ->
                new CommandLine.Help(help.commandSpec(), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                        .synopsis(help.synopsisHeadingLength()).replace("[--source=SOURCE]", "--source=SOURCE"));
    }

    /** Fetches every member, at most the source's cap at once, and writes each file as its bars arrive. */
    private List<Outcome> fetchAll(QuoteSource quotes, Universe universe, LocalDate from, LocalDate to, Runnable progress) {
        int cap = Math.max(1, quotes.maxConcurrency());
        int threads = Math.min(universe.size(), source.concurrency() == null ? cap : Math.min(source.concurrency(), cap));
        log.info("fetching {} symbols from {}, {} to {} (exclusive), {} at a time", universe.size(), quotes.name(), from, to, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hybridta-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>(universe.size());
            for (Constituent c : universe.members()) {
                futures.add(pool.submit(() -> {
                    Outcome o = fetchOne(quotes, c, from, to);
                    progress.run();
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(futures.size());
            for (Future<Outcome> f : futures) outcomes.add(f.get());
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(HybridTa.FAILED, "interrupted while fetching", e);
        } catch (ExecutionException e) {
            // fetchOne turns every failure into an outcome; anything else is a bug
            throw new IllegalStateException(e.getCause().toString(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One symbol, fetched and written: every failure, running out of memory included, costs this symbol only. */
    private Outcome fetchOne(QuoteSource quotes, Constituent c, LocalDate from, LocalDate to) {
        try {
            return fetchAndWrite(quotes, c, from, to);
        } catch (OutOfMemoryError e) {
            // what the symbol took is garbage now: the others go on
            return new Outcome(c, null, 0, FailureKind.ERROR, OutOfMemory.message("fetching " + c.symbol() + ", " + from + " to " + to,
                    "fetch a shorter date range"));
        }
    }

    private Outcome fetchAndWrite(QuoteSource quotes, Constituent c, LocalDate from, LocalDate to) {
        FetchResult r;
        try {
            r = quotes.fetch(c, from, to);
        } catch (RuntimeException e) {
            // a source should return its failures; one that throws still costs only this symbol
            r = FetchResult.failed(c.symbol(), FailureKind.ERROR, Failures.describe(e));
        }
        r = BarChecks.apply(r, strict.strict());
        if (r instanceof FetchResult.Failed f) {
            log.debug("{}: {} ({})", c.symbol(), f.reason(), f.kind());
            return new Outcome(c, null, 0, f.kind(), f.reason());
        }
        BarSeries series = ((FetchResult.Ok) r).series();
        Path file = output.resolve(c.symbol() + ".csv");
        try {
            BarCsv.write(file, series, quotes.isSynthetic());
        } catch (IOException e) {
            return new Outcome(c, null, 0, FailureKind.ERROR, "cannot write " + IoErrors.describe(IoErrors.about(file, e)));
        }
        log.debug("{}: wrote {} bars to {}", c.symbol(), series.size(), file);
        return new Outcome(c, file, series.size(), null, null);
    }

    /** {@code --source csv:DIR} into the same DIR would replace the files being read with cut-down copies. */
    private void checkNotTheSource() {
        Path csv = source.csvDirectory(null);
        if (csv == null || !Files.isDirectory(csv) || !Files.isDirectory(output)) return;
        try {
            if (Files.isSameFile(csv, output)) {
                throw new ParameterException(spec.commandLine(), "--output " + output + " is the directory of --source csv:" + csv
                        + "; write to another directory");
            }
        } catch (IOException e) {
            // cannot tell: leave it
        }
    }

    /** Creates the output directory if needed and makes sure a file can be written there, before anything is fetched. */
    private void prepareOutput() {
        if (AtomicFiles.isStandardOutput(output)) {
            throw new ParameterException(spec.commandLine(), "--output -: fetch writes a file per symbol; give a directory");
        }
        try {
            AtomicFiles.checkWritable(output);
        } catch (IOException e) {
            throw new CliException(HybridTa.FAILED, "--output " + output + ": " + IoErrors.reason(e), e);
        }
    }

    private void printSummary(Universe universe, String sourceName, boolean yahoo, DateRange.Resolved range, List<Outcome> outcomes,
                              List<Outcome> failures, FailureFile.Record record, long ms) {
        PrintWriter out = spec.commandLine().getOut();
        long bars = outcomes.stream().mapToLong(Outcome::bars).sum();
        int ok = outcomes.size() - failures.size();
        out.printf(Locale.ROOT, "%s: %d of %d symbols fetched, %d failed; %,d bars from %s, %s to %s (exclusive), in %.1f s%n",
                universe.name(), ok, outcomes.size(), failures.size(), bars, sourceName, range.from(), range.to(), ms / 1000.0);
        int shown = record.listAll() ? failures.size() : Math.min(failures.size(), FAILURES_SHOWN);
        for (int i = 0; i < shown; i++) {
            Outcome f = failures.get(i);
            Constituent c = f.constituent();
            String as = !yahoo || c.yahooSymbol().equals(c.symbol()) ? "" : " (as " + c.yahooSymbol() + ")";
            out.printf("failed %s%s: %s (%s)%n", c.symbol(), as, f.reason(), f.kind().name().toLowerCase(Locale.ROOT));
        }
        if (failures.size() > shown) out.printf("... and %d more failures%s%n", failures.size() - shown, record.where());
        if (ok > 0) out.printf("wrote %d file%s to %s%n", ok, ok == 1 ? "" : "s", output);
        record.printTo(out);
        out.flush();
    }

    /** A progress bar on stderr when on a terminal; nothing otherwise. */
    private static final class Progress implements AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) {
            this.bar = bar;
        }

        static Progress start(boolean show, int total) {
            if (!show) return new Progress(null);
            return new Progress(new ProgressBarBuilder().setTaskName("fetch").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100).continuousUpdate().build());
        }

        void step() {
            if (bar != null) bar.step();
        }

        @Override public void close() {
            if (bar != null) bar.close();
        }
    }
}
