package org.hybridta.mpi;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.source.Constituent;

/**
 * Run under {@code mpirun} by {@link MpiFailureTest}: ranks that leave while others wait for them. The job
 * must end (aborted, non-zero) instead of hanging. Args: {@code stuck} or {@code leave-early}.
 */
public final class FailureScenarios {
    private FailureScenarios() {}

    public static void main(String[] args) {
        switch (args[0]) {
            case "stuck" -> stuck();
            case "leave-early" -> leaveEarly();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }

    /** Rank 0 waits for a message that never comes; the others close: their close times out and aborts the job. */
    private static void stuck() {
        MpiRuntime mpi = MpiRuntime.start();
        System.out.println("@@ started rank=" + mpi.rank());
        System.out.flush();
        if (mpi.rank() == 0) {
            mpi.transport().receive(1, 99);
            System.out.println("@@ rank 0 received the impossible");
        }
        mpi.close();
        System.out.println("@@ rank " + mpi.rank() + " closed normally");
    }

    /** Every rank runs its part; the last one then fails before broadcast and leaves through close(). */
    private static void leaveEarly() {
        try (MpiPartitioner mpi = MpiPartitioner.open()) {
            int rank = mpi.runtime().rank();
            List<List<Constituent>> plan = new ArrayList<>();
            for (int p = 0; p < mpi.workers(); p++) plan.add(List.of(Constituent.of("P" + p)));
            mpi.runParts(mpi.isRoot() ? plan : null, (part, members) -> Fixtures.part(part, "rank " + rank, members));
            System.out.println("@@ ran rank=" + rank);
            System.out.flush();
            if (rank == mpi.workers() - 1) throw new IllegalStateException("rank " + rank + " cannot write its part");
            // the root waits for a reply that rank N-1 would send after writing … here: an outcome it never joins
            if (mpi.isRoot()) mpi.runtime().transport().receive(mpi.workers() - 1, 98);
            mpi.broadcast(null);
            System.out.println("@@ rank " + rank + " finished normally");
        }
    }
}
