package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.mpi.MpiRun.Result.field;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hybridta.source.Constituent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link MpiPartitioner} under mpirun: see {@link PartitionerScenarios} for what each run does. */
class MpiPartitionerTest {

    @BeforeAll static void needOpenMpi() {
        MpiRun.assumeOpenMpi();
    }

    @Test void fourRanks() throws Exception {
        // small message pieces: the gather of every part crosses many of them
        MpiRun.Result run = MpiRun.run("partitioner-4", 4, Duration.ofSeconds(120), List.of("-Dhybridta.mpi.chunk-bytes=1000"),
                PartitionerScenarios.class);
        check(run, 4);
    }

    @Test void oneRank() throws Exception {
        MpiRun.Result run = MpiRun.run("partitioner-1", 1, Duration.ofSeconds(60), List.of(), PartitionerScenarios.class);
        check(run, 1);
    }

    private static void check(MpiRun.Result run, int ranks) {
        String plain = run.output();
        int parts = PartitionerScenarios.parts(ranks);
        List<List<Constituent>> plan = PartitionerScenarios.patternPlan(parts);

        // results at the root, in plan order, part p run by rank p mod ranks, data intact through the bytes
        List<String> order = run.reports("order");
        assertThat(order).as(plain).hasSize(parts);
        for (int p = 0; p < parts; p++) {
            String line = order.get(p);
            assertThat(field(line, "part")).isEqualTo(Integer.toString(p));
            assertThat(field(line, "worker")).startsWith("rank_" + p % ranks + "@");
            assertThat(field(line, "symbols")).isEqualTo(symbols(plan.get(p)));
            assertThat(field(line, "ok")).isEqualTo(Integer.toString(plan.get(p).size()));
            assertThat(field(line, "intact")).isEqualTo("true");
        }
        assertThat(plan.stream().anyMatch(List::isEmpty)).as("a part with no symbols takes part").isTrue();

        // the last rank's work throws: only its parts' symbols fail, with its reason; the gather completes
        List<String> thrown = run.reports("throw");
        assertThat(thrown).as(plain).hasSize(parts);
        for (int p = 0; p < parts; p++) {
            String line = thrown.get(p);
            int members = plan.get(p).size();
            boolean failing = p % ranks == ranks - 1;
            assertThat(field(line, "symbols")).isEqualTo(symbols(plan.get(p)));
            assertThat(field(line, "ok")).isEqualTo(Integer.toString(failing ? 0 : members));
            assertThat(field(line, "failed")).isEqualTo(Integer.toString(failing ? members : 0));
            if (failing && members > 0) {
                assertThat(field(line, "reason")).contains("rank " + (ranks - 1) + "@").contains("simulated failure on rank " + (ranks - 1));
            }
        }

        // two symbols, any number of ranks
        List<String> sparse = run.reports("sparse");
        assertThat(sparse).as(plain).hasSize(ranks);
        assertThat(sparse.stream().map(l -> field(l, "symbols")).collect(Collectors.joining("|")))
                .isEqualTo(ranks == 1 ? "X,Y" : "X|Y" + "|".repeat(ranks - 2));
        assertThat(sparse).allSatisfy(l -> assertThat(field(l, "intact")).isEqualTo("true"));

        // a wrong plan is refused on every rank alike
        List<String> refused = run.reports("refused");
        assertThat(refused).as(plain).hasSize(ranks)
                .allSatisfy(l -> assertThat(field(l, "message")).isEqualTo("part " + ranks + " of the plan is missing"));

        // outcomes: the root's, everywhere; the root's error makes every rank exit with 3
        assertThat(run.reports("outcome-ok")).as(plain).hasSize(ranks).allSatisfy(l -> assertThat(field(l, "outcome")).isEqualTo("null"));
        // the communication counted: four runs (the refused plan is none), bytes gathered wherever there are other ranks
        List<String> times = run.reports("times");
        assertThat(times).as(plain).hasSize(ranks).allSatisfy(l -> {
            assertThat(field(l, "runs")).isEqualTo("4");
            assertThat(Long.parseLong(field(l, "broadcast"))).isPositive();
            assertThat(Long.parseLong(field(l, "bytes")) > 0).isEqualTo(ranks > 1);
            if (!field(l, "rank").equals("0")) assertThat(field(l, "waiting")).isEqualTo("0");
        });

        List<String> exits = run.reports("exit");
        assertThat(exits).as(plain).hasSize(ranks);
        assertThat(exits.stream().map(l -> field(l, "rank")).sorted().toList())
                .isEqualTo(IntStream.range(0, ranks).mapToObj(Integer::toString).toList());
        assertThat(exits).allSatisfy(l -> assertThat(l).contains("outcome=disk full writing out/indicators.csv code=3"));
        assertThat(run.exitCode()).as(plain).isEqualTo(3);
    }

    private static String symbols(List<Constituent> members) {
        return members.stream().map(Constituent::symbol).collect(Collectors.joining(","));
    }
}
