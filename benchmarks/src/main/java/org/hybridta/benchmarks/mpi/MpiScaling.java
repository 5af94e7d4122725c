package org.hybridta.benchmarks.mpi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.hybridta.Pipeline;
import org.hybridta.PipelineResult;
import org.hybridta.StageTimings;
import org.hybridta.Universe;
import org.hybridta.backend.BackendOptions;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.formats.TableSink;
import org.hybridta.indicator.Indicators;
import org.hybridta.mpi.CommunicationTimes;
import org.hybridta.mpi.MpiPartitioner;
import org.hybridta.mpi.MpirunArguments;
import org.hybridta.source.SyntheticQuoteSource;

/**
 * Strong scaling of the pipeline over MPI ranks: the same universe at any rank count, one JVM per rank, the
 * pipeline run several times in each (warm-up runs first), the median of the measured runs reported by rank 0.
 *
 * <pre>
 * mpirun -np 4 java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.mpi.MpiScaling \
 *     --universe sp500 --csv /tmp/scaling --results results/sp500-4.tsv
 * mpirun -np 4 java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.mpi.MpiScaling --universe synthetic:5000
 * </pre>
 *
 * <p>The run: the synthetic market over 10 years (2015-01-01 to 2025-01-01, about 2,515 bars a symbol; {@code --from},
 * {@code --to} choose others), the 18 first indicators with TA-Lib's defaults ({@link FirstIndicators}: 18 indicators,
 * 23 columns), the CPU backend ({@code --backend cuda}: the GPUs, leased to the ranks of each host by
 * {@code MpiDeviceLeaser}). Each rank computes with {@code --threads-per-rank} threads (default 1; {@code auto}: the
 * host's cores divided among its ranks) and fetches with as many: one rank is one core, so that N ranks use N cores
 * and the speed-up over 1 rank is MPI's. Rank 0 prints what each rank computed, and on which device.
 *
 * <p>{@code --verify} gathers every value to rank 0 and checks it there against the CPU backend ({@link VerifyingSink});
 * run it with {@code --warmup 0 --runs 1}, as the check is part of each run's write stage. The output is written (rank 0, serially)
 * when {@code --csv DIR} is given, and then every value is gathered to rank 0 first; without it the values stay on
 * their ranks ({@code Pipeline.Builder.collectValues(false)}: only statuses and timings travel), so that the two
 * serial stages at rank 0 — receiving about 3 GB of values for 5,000 symbols, and writing them — do not hide how
 * the distributed work itself scales.
 *
 * <p>Rank 0 prints one table and, with {@code --results FILE}, appends the medians as tab-separated rows (read by
 * {@link ScalingPlot}): per stage of {@link StageTimings} and of MPI's own time ({@link CommunicationTimes} at rank 0:
 * scatter + gather + broadcasts, without the waiting for other ranks' work).
 */
public final class MpiScaling {
    static final String HEADER = "universe\tranks\thosts\tthreads_per_rank\tsymbols\tbars\truns\tmetric\tmedian_ms\tmin_ms\tmax_ms";

    private MpiScaling() {}

    public static void main(String[] rawArgs) throws IOException {
        String[] args = MpirunArguments.original(rawArgs);
        String universeName = "sp500", backend = "cpu", label = null;
        int warmup = 2, runs = 5, threads = 1;
        LocalDate from = LocalDate.of(2015, 1, 1), to = LocalDate.of(2025, 1, 1);
        Path csv = null, results = null;
        boolean verify = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--universe" -> universeName = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--threads-per-rank" -> {
                    String t = args[++i];
                    threads = t.equals("auto") ? 0 : Integer.parseInt(t);
                }
                case "--csv" -> csv = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--backend" -> backend = args[++i];
                case "--from" -> from = LocalDate.parse(args[++i]);
                case "--to" -> to = LocalDate.parse(args[++i]);
                case "--label" -> label = args[++i];
                case "--verify" -> verify = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--universe sp500|synthetic:N, --warmup, --runs, --threads-per-rank, --csv DIR, --results FILE,"
                        + " --backend NAME, --from DATE, --to DATE, --label NAME, --verify)");
            }
        }
        if (verify && csv != null) throw new IllegalArgumentException("--verify and --csv: choose one");
        Universe universe = universe(universeName);
        String name = label != null ? label : universe.name();
        VerifyingSink verifier = verify ? new VerifyingSink(FirstIndicators.all()) : null;
        try (MpiPartitioner mpi = MpiPartitioner.open()) {
            // auto: the host's cores shared by its ranks (GPU runs: the host copies to and from pinned memory need them)
            if (threads == 0) threads = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, mpi.workersPerHost()));
            Pipeline.Builder b = Pipeline.builder()
                    .universe(universe)
                    // made-up SYN symbols and, for long series, dates up to 2099: the synthetic market allows them when asked
                    .source(SyntheticQuoteSource.builder().anySymbol(true).futureDates(true).build())
                    .between(from, to)
                    .indicators(FirstIndicators.all())
                    .backend(backend)
                    .backendOptions(BackendOptions.builder().threads(threads).build())
                    .fetchConcurrency(threads)
                    .partitioner(mpi);
            // without an output nothing needs the values at rank 0: each rank keeps its own (statuses still travel)
            if (csv != null) b.sink(TableSink.to(csv.resolve("indicators.csv")));
            else if (verifier != null) b.sink(verifier).warmup(0);   // the verifier recomputes from the bars it gets: all of them
            else b.collectValues(false);
            Pipeline pipeline = b.build();

            PipelineResult last = null;
            for (int i = 0; i < warmup; i++) {
                System.gc();   // the last run's results are garbage now: collect them outside the timed runs
                last = pipeline.run();
            }
            List<StageTimings> stages = new ArrayList<>();
            List<CommunicationTimes> comms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                System.gc();
                CommunicationTimes before = mpi.communication();
                last = pipeline.run();
                comms.add(mpi.communication().minus(before));
                stages.add(last.timings());
            }
            // a run that lost symbols (a rank out of memory, say) measured something else: no numbers then
            String failure = mpi.broadcast(last.okCount() == universe.size() ? null
                    : "only " + last.okCount() + " of " + universe.size() + " symbols computed"
                    + last.failures().stream().findFirst().map(f -> " (" + f.symbol() + ": " + f.reason() + ")").orElse(""));
            if (failure == null && verifier != null) failure = mpi.broadcast(verifier.failure());
            if (failure != null) {
                if (mpi.isRoot()) System.err.println("MpiScaling: " + failure + "; no results written");
                mpi.close();
                System.exit(1);
            }
            if (!mpi.isRoot()) return;

            Map<String, long[]> metrics = new LinkedHashMap<>();
            metrics.put("partition", nanos(stages, t -> t.partition().toNanos()));
            metrics.put("fetch", nanos(stages, t -> t.fetch().toNanos()));
            metrics.put("compute", nanos(stages, t -> t.compute().toNanos()));
            metrics.put("gather", nanos(stages, t -> t.gather().toNanos()));
            metrics.put("write", nanos(stages, t -> t.write().toNanos()));
            metrics.put("total", nanos(stages, t -> t.total().toNanos()));
            metrics.put("mpi", nanos(comms, c -> c.mpi().toNanos()));
            metrics.put("mpi_scatter", nanos(comms, c -> c.scatter().toNanos()));
            metrics.put("mpi_gather", nanos(comms, c -> c.gather().toNanos()));
            metrics.put("mpi_broadcast", nanos(comms, c -> c.broadcast().toNanos()));
            metrics.put("mpi_waiting", nanos(comms, c -> c.waiting().toNanos()));
            long[] share = new long[runs];   // per run, in millionths, so that the median is of the shares
            for (int i = 0; i < runs; i++) share[i] = comms.get(i).mpi().toNanos() * 1_000_000 / Math.max(1, stages.get(i).total().toNanos());
            Arrays.sort(share);

            int ranks = mpi.workers();
            String hosts = mpi.name().replaceAll(".* on (\\d+) hosts?\\)$", "$1");
            long gatheredMb = comms.get(comms.size() - 1).bytesGathered() >> 20;
            System.out.printf(Locale.ROOT, "%s: %d symbols ok of %d, %,d bars, %s to %s, %d indicators (%d columns), backend %s%n",
                    name, last.okCount(), universe.size(), last.bars(), from, to, FirstIndicators.all().size(),
                    Indicators.columns(Indicators.catalog()).size(), last.backend());
            // who computed what in the last run: per rank its symbols and its backend's device
            for (PipelineResult.Worker w : last.workers()) {
                System.out.printf(Locale.ROOT, "  %s: %d symbols, %,d bars on %s; fetch %.1f ms, compute %.1f ms%n", w.worker(), w.symbols(),
                        w.bars(), w.backend(), w.fetch().toNanos() / 1e6, w.compute().toNanos() / 1e6);
            }
            if (verifier != null) System.out.println("  " + verifier.summary());
            System.out.printf(Locale.ROOT, "%s, %d thread%s per rank, %s; %d MiB gathered per run; median of %d runs after %d warm-up runs%n",
                    mpi.name(), threads, threads == 1 ? "" : "s", csv != null ? "CSV written to " + csv
                            : verifier != null ? "values gathered at rank 0 and checked against the CPU backend there" : "values kept on their ranks, no output written",
                    gatheredMb,
                    runs, warmup);
            System.out.printf(Locale.ROOT, "  %-14s %10s %10s %10s%n", "ms", "median", "min", "max");
            for (Map.Entry<String, long[]> m : metrics.entrySet()) {
                long[] v = m.getValue();
                System.out.printf(Locale.ROOT, "  %-14s %10.1f %10.1f %10.1f%n", m.getKey(), ms(v[v.length / 2]), ms(v[0]), ms(v[v.length - 1]));
            }
            System.out.printf(Locale.ROOT, "  MPI share of the total: %.1f %% (scatter + gather + broadcasts at rank 0)%n", share[runs / 2] / 1e4);

            if (results != null) {
                Path parent = results.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                boolean fresh = !Files.exists(results);
                try (Writer w = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    if (fresh) w.write(HEADER + "\n");
                    for (Map.Entry<String, long[]> m : metrics.entrySet()) {
                        long[] v = m.getValue();
                        w.write(String.format(Locale.ROOT, "%s\t%d\t%s\t%d\t%d\t%d\t%d\t%s\t%.3f\t%.3f\t%.3f%n", name, ranks, hosts,
                                threads, last.okCount(), last.bars(), runs, m.getKey(), ms(v[v.length / 2]), ms(v[0]), ms(v[v.length - 1])));
                    }
                    w.write(String.format(Locale.ROOT, "%s\t%d\t%s\t%d\t%d\t%d\t%d\tmpi_share_ppm\t%d\t%d\t%d%n", name, ranks, hosts,
                            threads, last.okCount(), last.bars(), runs, share[runs / 2], share[0], share[runs - 1]));
                }
            }
        }
    }

    /** {@code sp500}, or {@code synthetic:N}: N made-up symbols SYN0001 … (the source is built to make up any symbol). */
    static Universe universe(String name) {
        if (name.equals("sp500")) return Universe.sp500();
        if (name.startsWith("synthetic:")) {
            int n = Integer.parseInt(name.substring("synthetic:".length()));
            int width = Math.max(4, Integer.toString(n).length());
            List<String> symbols = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) symbols.add("SYN" + String.format(Locale.ROOT, "%0" + width + "d", i));
            return Universe.ofConstituents("synthetic" + n, Universe.of(symbols).members());
        }
        throw new IllegalArgumentException("--universe " + name + ": expected sp500 or synthetic:N");
    }

    private static <T> long[] nanos(List<T> runs, ToLongFunction<T> get) {
        return runs.stream().mapToLong(get).sorted().toArray();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
