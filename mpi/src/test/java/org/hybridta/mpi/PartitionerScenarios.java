package org.hybridta.mpi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hybridta.SymbolStatus;
import org.hybridta.parallel.PartResult;
import org.hybridta.parallel.PartWork;
import org.hybridta.source.Constituent;

/**
 * Run under {@code mpirun -np N} by {@link MpiPartitionerTest}: the partitioner's cases one after the other.
 * Reports lines starting with {@code @@} for the test to check; exits with 3 after the last case, in which the
 * root shares an error (every rank must exit with it).
 */
public final class PartitionerScenarios {
    private PartitionerScenarios() {}

    public static void main(String[] args) {
        MpiPartitioner mpi = MpiPartitioner.open();
        int rank = mpi.runtime().rank();
        int size = mpi.workers();
        // named as the pipeline names its parts: the partitioner renames them "rank N@host"
        PartWork healthy = (part, members) -> Fixtures.part(part, "part " + part, members);

        // 1. parts of 2, 1, 0, 3, 2, … members, two and a bit per rank: results come back in plan order, data intact
        report("order", run(mpi, isRoot(mpi) ? patternPlan(parts(size)) : null, healthy));

        // 2. the last rank's work throws: its symbols fail with the reason, the others are unharmed, nobody hangs
        PartWork failing = (part, members) -> {
            if (rank == size - 1) throw new IllegalStateException("simulated failure on rank " + rank);
            return healthy.run(part, members);
        };
        report("throw", run(mpi, isRoot(mpi) ? patternPlan(parts(size)) : null, failing));

        // 3. two symbols for any number of ranks: the others run empty parts
        List<List<Constituent>> sparse = new ArrayList<>();
        for (int p = 0; p < size; p++) sparse.add(new ArrayList<>());
        sparse.get(0).add(Constituent.of("X"));
        sparse.get(size > 1 ? 1 : 0).add(Constituent.of("Y"));
        report("sparse", run(mpi, isRoot(mpi) ? sparse : null, healthy));

        // 4. a plan with a missing part fails on every rank alike
        try {
            List<List<Constituent>> wrong = new ArrayList<>(patternPlan(size));
            wrong.add(null);
            mpi.runParts(isRoot(mpi) ? wrong : null, healthy, r -> {});
            System.out.println("@@ refused rank=" + rank + " message=none");
        } catch (IllegalArgumentException e) {
            System.out.println("@@ refused rank=" + rank + " message=" + e.getMessage());
        }

        // 5. outcomes: success, then the root's error on every rank
        System.out.println("@@ outcome-ok rank=" + rank + " outcome=" + mpi.broadcast(isRoot(mpi) ? null : "not the root's"));
        mpi.runParts(isRoot(mpi) ? patternPlan(size) : null, healthy, r -> {});
        String outcome = mpi.broadcast(isRoot(mpi) ? "disk full writing out/indicators.csv" : null);
        CommunicationTimes times = mpi.communication();
        System.out.println("@@ times rank=" + rank + " runs=" + times.runs() + " bytes=" + times.bytesGathered()
                + " waiting=" + times.waiting().toNanos() + " gather=" + times.gather().toNanos() + " broadcast=" + times.broadcast().toNanos());
        System.out.println("@@ exit rank=" + rank + " outcome=" + outcome + " code=" + (outcome == null ? 0 : 3));
        System.out.flush();
        mpi.close();
        System.exit(outcome == null ? 0 : 3);
    }

    /** Parts for a run: two per rank and one more, so that ranks run several and the first rank one more. */
    static int parts(int ranks) {
        return 2 * ranks + 1;
    }

    /** Runs the parts; the root's results, as they were handed over. */
    private static List<PartResult> run(MpiPartitioner mpi, List<List<Constituent>> plan, PartWork work) {
        List<PartResult> results = new ArrayList<>();
        mpi.runParts(plan, work, results::add);
        return results;
    }

    private static boolean isRoot(MpiPartitioner mpi) {
        return mpi.isRoot();
    }

    /** Part p gets 2, 1, 0, 3 members (p mod 4); part 0 leads with a constituent with every field set. */
    static List<List<Constituent>> patternPlan(int parts) {
        int[] sizes = {2, 1, 0, 3};
        List<List<Constituent>> plan = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            List<Constituent> members = new ArrayList<>();
            if (p == 0) members.add(new Constituent("BRK.B", "Berkshire Hathaway – Class B", "Financials", "BRK-B"));
            for (int j = members.size(); j < sizes[p % 4]; j++) members.add(Constituent.of("S" + p + "_" + j));
            plan.add(members);
        }
        return plan;
    }

    private static void report(String scenario, List<PartResult> results) {
        for (PartResult r : results) {
            String symbols = r.statuses().stream().map(SymbolStatus::symbol).collect(Collectors.joining(","));
            long ok = r.statuses().stream().filter(SymbolStatus::isOk).count();
            String reason = r.statuses().stream().filter(s -> !s.isOk()).map(SymbolStatus::reason).findFirst().orElse("");
            System.out.println("@@ " + scenario + " part=" + r.part() + " worker=" + r.worker().replace(' ', '_') + " symbols=" + symbols
                    + " ok=" + ok + " failed=" + (r.statuses().size() - ok) + " intact=" + Fixtures.intact(r) + " reason=" + reason);
        }
        System.out.flush();
    }
}
