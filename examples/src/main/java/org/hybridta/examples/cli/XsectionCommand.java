package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hybridta.Field;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.source.Constituent;
import org.hybridta.source.QuoteSource;
import org.hybridta.xsection.CorrelationHeatmap;
import org.hybridta.xsection.CrossSection;
import org.hybridta.xsection.CrossSectionCsv;
import org.hybridta.xsection.CrossSectionException;
import org.hybridta.xsection.CrossSectionResult;
import org.hybridta.xsection.CrossSectionSink;
import org.hybridta.xsection.GramEngineProvider;
import org.hybridta.xsection.GramEngines;
import org.hybridta.xsection.Measure;
import org.hybridta.xsection.MissingDays;
import org.hybridta.xsection.ReturnKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta xsection}: correlation and covariance matrices of daily returns across a universe, and each symbol's
 * beta to a benchmark, written as CSV in long form with a heatmap of the correlations ordered by sector.
 */
@Command(name = "xsection",
        mixinStandardHelpOptions = true,
        description = {
                "Cross-sectional analytics of daily returns: the correlation and covariance matrices across a universe (default: the "
                        + "S&P 500 on the synthetic market, January 1 to yesterday) and each symbol's beta and correlation to a benchmark, "
                        + "over the whole sample or in rolling windows.",
                "Writes DIR/correlation.csv and DIR/covariance.csv (symbol_a,symbol_b,value), DIR/betas.csv (symbol,beta,correlation,days), "
                        + "with a first column 'date' for rolling windows, and DIR/correlation.png, a heatmap ordered by GICS sector."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_PARTIAL},
        footer = {"",
                "Examples:",
                "  java -jar examples/target/hybridta.jar xsection",
                "  java -jar examples/target/hybridta.jar xsection --source yahoo --from 2024-01-01 --to 2025-01-01 --benchmark SPY",
                "  java -jar examples/target/hybridta.jar xsection --symbols AAPL,MSFT,XOM,JPM --window 63 --step 21 --measures beta",
                "  java -jar examples/target/hybridta.jar xsection --missing drop --returns simple --backend cuda --output out/xs"})
final class XsectionCommand implements Callable<Integer> {
    private static final String DEFAULT_SOURCE = "synthetic";

    @Spec private CommandSpec spec;

    @Mixin private UniverseChoice universeChoice;

    @Mixin private SourceChoice source;

    @Mixin private DateRange dates;

    @Option(names = "--returns", paramLabel = "KIND", defaultValue = "log",
            description = "Daily returns: log (ln of the close over the previous close) or simple (the percentage change). Default: ${DEFAULT-VALUE}.")
    private ReturnKind returns;

    @Option(names = "--field", paramLabel = "FIELD", defaultValue = "adj_close",
            description = "The price returns are computed from: adj_close or close. Default: ${DEFAULT-VALUE}.")
    private String field;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "pairwise",
            description = "Days on which some symbol has no return: pairwise (each pair uses the days both have, as pandas' corr()) "
                    + "or drop (only days every symbol has, for all pairs). Default: ${DEFAULT-VALUE}.")
    private String missing;

    @Option(names = "--benchmark", paramLabel = "SYM", defaultValue = CrossSection.EQUAL_WEIGHTED,
            description = "Betas against this symbol (fetched from the same source; e.g. SPY) or equal-weighted (each day the mean "
                    + "return of the universe). Default: ${DEFAULT-VALUE}.")
    private String benchmark;

    @Option(names = "--measures", paramLabel = "M[,M...]", split = ",", defaultValue = "correlation,covariance,beta",
            description = "What to compute: correlation, covariance, beta. Default: ${DEFAULT-VALUE}.")
    private List<String> measures;

    @Option(names = "--window", paramLabel = "DAYS",
            description = "Rolling windows of DAYS days of returns instead of the whole sample (e.g. 63, a quarter).")
    private Integer window;

    @Option(names = "--step", paramLabel = "DAYS", defaultValue = "1",
            description = "With --window: a window ends on the last day and then every DAYS days before it. Default: ${DEFAULT-VALUE}.")
    private int step;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Where the matrices are computed: auto, cpu or cuda (cuBLAS). Default: the system property hybridta.backend, "
                    + "else $HYBRIDTA_BACKEND, else auto (cuda where it can run, else cpu).")
    private String backend;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out/xsection",
            description = "Directory for the files (created if missing). Default: ${DEFAULT-VALUE}.")
    private Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "File format of the tables: csv. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--no-heatmap", description = "No DIR/correlation.png.")
    private boolean noHeatmap;

    @Mixin private CacheChoice cache;

    @Override public Integer call() {
        Universe universe = universeChoice.universe();
        DateRange.Resolved range = source.dates(dates, universe, DEFAULT_SOURCE);
        Set<Measure> wanted = measures();
        CrossSectionSink sink = sink();
        checkBackend();
        SourceChoice.Kind kind = source.kind(DEFAULT_SOURCE);
        try (QuoteSource quotes = cache.wrap(source.open(DEFAULT_SOURCE), kind == SourceChoice.Kind.YAHOO)) {
            CrossSection.Builder b = CrossSection.builder()
                    .universe(universe)
                    .source(quotes)
                    .between(range.from(), range.to())
                    .field(field())
                    .returns(returns)
                    .missingDays(missingDays())
                    .measures(wanted)
                    .backend(backend);
            if (benchmark.strip().equalsIgnoreCase(CrossSection.EQUAL_WEIGHTED)) b.equalWeightedBenchmark();
            else b.benchmark(universe.find(benchmark.strip()).map(Constituent::symbol).orElse(benchmark.strip()));
            if (window != null) {
                try {
                    b.rolling(window, step);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--window/--step: " + e.getMessage());
                }
            } else if (spec.commandLine().getParseResult().hasMatchedOption("--step")) {
                throw new ParameterException(spec.commandLine(), "--step needs --window");
            }
            try {
                sink.check();
            } catch (IOException e) {
                throw new CliException(HybridTa.FAILED, "cannot write to " + output + ": " + Failures.describe(e), e);
            }
            CrossSectionResult result;
            try {
                result = b.build().run();
            } catch (CrossSectionException | BackendUnavailableException e) {
                throw new CliException(HybridTa.FAILED, e.getMessage(), e);
            }
            long t0 = System.nanoTime();
            List<Path> files = new ArrayList<>();
            try {
                files.addAll(sink.write(result));
                if (!noHeatmap && result.last().correlation().isPresent()) files.add(heatmap(result, universe, range));
            } catch (IOException e) {
                throw new CliException(HybridTa.FAILED, "cannot write the output: " + Failures.describe(e), e);
            }
            FailureFile.Record record = FailureFile.record(output.resolve(FailureFile.NAME), result.failures());
            printSummary(result, universe, range, System.nanoTime() - t0, files, record);
            return result.failures().isEmpty() ? HybridTa.OK : HybridTa.PARTIAL;
        }
    }

    private Set<Measure> measures() {
        Set<Measure> out = EnumSet.noneOf(Measure.class);
        for (String m : measures) {
            String name = m.strip().toUpperCase(Locale.ROOT);
            if (name.equals("BETAS")) name = "BETA";
            try {
                out.add(Measure.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--measures: '" + m + "' is unknown (choose correlation, covariance, beta)");
            }
        }
        return out;
    }

    private Field field() {
        return switch (field.strip().toLowerCase(Locale.ROOT)) {
            case "adj_close", "adjclose" -> Field.ADJ_CLOSE;
            case "close" -> Field.CLOSE;
            default -> throw new ParameterException(spec.commandLine(), "--field " + field + ": choose adj_close or close");
        };
    }

    private MissingDays missingDays() {
        try {
            return MissingDays.parse(missing);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--missing: " + e.getMessage());
        }
    }

    /**
     * The writer of the tables. CSV only for now; another format plugs in here as another {@link CrossSectionSink}
     * (a Parquet writer, for example).
     */
    private CrossSectionSink sink() {
        if (format.strip().equalsIgnoreCase("csv")) return CrossSectionCsv.to(output);
        throw new ParameterException(spec.commandLine(), "--format " + format + ": unknown (choose csv)");
    }

    private void checkBackend() {
        if (backend == null || backend.isBlank() || backend.strip().equalsIgnoreCase("auto")) return;
        List<GramEngineProvider> providers = GramEngines.providers();
        String name = backend.strip().toLowerCase(Locale.ROOT);
        if (providers.stream().noneMatch(p -> p.name().equals(name))) {
            throw new ParameterException(spec.commandLine(), "--backend " + backend + ": unknown (choose "
                    + String.join(", ", providers.stream().map(GramEngineProvider::name).toList()) + " or auto)");
        }
    }

    private Path heatmap(CrossSectionResult r, Universe universe, DateRange.Resolved range) throws IOException {
        Map<String, String> sectors = new HashMap<>();
        for (Constituent c : universe.members()) sectors.put(c.symbol(), c.sector());
        CrossSectionResult.Window w = r.last();
        String title = String.format(Locale.ROOT, "Correlation of daily %s returns, %s, %s to %s (%d days, %s)", returns.text(),
                universe.name().equals("sp500") ? "S&P 500" : universe.name(), w.first(), w.last(), w.days(), missingDays().text());
        Path png = output.resolve("correlation.png");
        CorrelationHeatmap.write(w.correlation().orElseThrow(), sectors, title, png);
        return png;
    }

    private void printSummary(CrossSectionResult r, Universe universe, DateRange.Resolved range, long writeNanos, List<Path> files,
                              FailureFile.Record record) {
        PrintWriter out = spec.commandLine().getOut();
        CrossSectionResult.Window last = r.last();
        out.printf(Locale.ROOT, "%s: %d of %d symbols, %s returns %s to %s, missing days %s%s%n", universe.name(), r.symbols().size(),
                universe.size(), returns.text(), r.windows().get(0).first(), last.last(), missingDays().text(),
                r.windows().size() > 1 ? String.format(Locale.ROOT, "; %d windows of %d days", r.windows().size(), last.days())
                        : String.format(Locale.ROOT, "; %d days", last.days()));
        r.benchmark().ifPresent(bm -> out.printf("betas against %s%n", bm));
        out.printf(Locale.ROOT, "engine %s; time: fetch %.0f ms, compute %.0f ms, write %.0f ms%n", r.engine(), r.fetchTime().toNanos() / 1e6,
                r.computeTime().toNanos() / 1e6, writeNanos / 1e6);
        for (SymbolStatus f : r.failures()) out.printf("failed %s: %s%n", f.symbol(), f.reason());
        for (Path f : files) out.println("wrote " + f);
        record.printTo(out);
        out.flush();
    }
}
