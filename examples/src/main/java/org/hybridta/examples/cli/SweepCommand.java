package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hybridta.Universe;
import org.hybridta.WarmUp;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.formats.SweepTables;
import org.hybridta.formats.TableFormat;
import org.hybridta.io.UntrustedText;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepCube;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.SweepSummary;
import org.hybridta.sweep.Sweeps;
import org.hybridta.sweep.UniverseBars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hybridta sweep}: one function over a grid of parameters for a whole universe, written as the full cube or as
 * reductions per series.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
                "Computes one function over a grid of parameters (every combination of the values given per parameter) for every "
                        + "symbol of a universe (default: the S&P 500 on the synthetic market, January 1 to yesterday).",
                "Writes the cube (one row per symbol, parameter set and date: symbol,date, the swept parameters, the outputs) or, "
                        + "with --reduce, one row per symbol and parameter set with the reductions (computed where the values are: "
                        + "on the GPU with --backend cuda, so that only they are downloaded).",
                "Grid: ema:2..201 (ranges include both ends), ema:5,10,50..200/50 (lists, steps), "
                        + "bbands:10..29:0.75..3/0.25:nbdevup (nbdevdn takes nbdevup's value), stoch:fastk_period=5..21/4 (by name)."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_PARTIAL},
        footer = {"",
                "Examples:",
                "  java -jar examples/target/hybridta.jar sweep --grid ema:2..201 -o out/ema.parquet",
                "  java -jar examples/target/hybridta.jar sweep --grid bbands:10..29:0.75..3/0.25:nbdevup \\",
                "      --reduce last,mean,cross -o out/bbands.csv",
                "  java -jar examples/target/hybridta.jar sweep --grid rsi:5..30 --reduce last,count:>70,count:<30,cross:50 \\",
                "      --backend cuda --precision float -o out/rsi.parquet"})
final class SweepCommand implements Callable<Integer> {
    private static final String DEFAULT_SOURCE = "synthetic";

    @Spec private CommandSpec spec;

    @Mixin private UniverseChoice universeChoice;

    @Mixin private SourceChoice source;

    @Mixin private DateRange dates;

    @Option(names = "--grid", paramLabel = "GRID", required = true,
            description = "The function and its parameter values: ema:2..201, bbands:10..29:0.75..3/0.25:nbdevup, macd:8,12:20..30/2:9.")
    private String grid;

    @Option(names = "--reduce", paramLabel = "R[,R...]",
            description = "Write reductions instead of the cube: last, mean, min, max, count:>L, count:<L (bars above/below L), "
                    + "cross (the latest bar where the close crosses the output, and its direction), cross:L (the output crosses L).")
    private String reduce;

    @Mixin private BackendChoice backend;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "out/sweep.parquet",
            description = "The table, named *.parquet, *.csv or *.duckdb (the format follows the extension). Default: ${DEFAULT-VALUE}.")
    private Path output;

    @Mixin private CacheChoice cache;

    @Override public Integer call() {
        Sweep sweep = parse(() -> Sweep.parse(grid), "--grid");
        List<Reduction> reductions = reduce == null ? null : parse(() -> Reduction.parseList(reduce), "--reduce");
        backend.checkName();
        TableFormat format = TableFormat.forFileName(output).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--output " + UntrustedText.cap(output.toString()) + ": name a file ending in .parquet, .csv or .duckdb"));
        try {
            format.check(output);
        } catch (IOException | IllegalStateException e) {
            throw new CliException(HybridTa.FAILED, "cannot write " + output + ": " + Failures.describe(e), e);
        }
        Universe universe = universeChoice.universe();
        DateRange.Resolved range = source.dates(dates, universe, DEFAULT_SOURCE);
        UniverseBars bars = UniverseFetch.fetch(source, cache, DEFAULT_SOURCE, universe, range.from(), range.to(), WarmUp.bars(sweep.specs()));
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime(), t1;
        String engineName;
        try (SweepEngine engine = Sweeps.open(backend.name(), BackendOptions.builder().precision(backend.precision()).build())) {
            engineName = engine.description();
            if (reductions != null) {
                SweepSummary summary = engine.reduce(bars.panel(), sweep, bars.first(), reductions, backend.precision());
                t1 = System.nanoTime();
                SweepTables.writeSummary(summary, bars.series(), format, output);
            } else {
                SweepCube cube = engine.cube(bars.panel(), sweep, backend.precision());
                t1 = System.nanoTime();
                SweepTables.writeCube(cube, bars.series(), bars.first(), format, output);
            }
        } catch (BackendUnavailableException e) {
            throw new CliException(HybridTa.FAILED, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(HybridTa.FAILED, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(HybridTa.FAILED, "cannot write " + output + ": " + Failures.describe(e), e);
        }
        long t2 = System.nanoTime();
        out.printf(Locale.ROOT, "%s: %d of %d symbols, %s to %s, %d parameter sets of %s%s%n", universe.name(), bars.series().size(),
                universe.size(), range.from(), range.to().minusDays(1), sweep.size(), sweep.function().name(),
                reductions == null ? "" : ", reduced to " + String.join(",", reductions.stream().map(Reduction::text).toList()));
        out.printf(Locale.ROOT, "engine %s; time: fetch %.0f ms, compute %.0f ms, write %.0f ms%n", engineName, bars.fetch().toNanos() / 1e6,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        UniverseFetch.printFailures(out, bars.failures());
        out.println("wrote " + output);
        out.flush();
        return bars.failures().isEmpty() ? HybridTa.OK : HybridTa.PARTIAL;
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
