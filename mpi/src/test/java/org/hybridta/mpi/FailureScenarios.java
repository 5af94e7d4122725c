package org.hybridta.mpi;

import java.io.IOException;
import java.time.Duration;
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
            case "stop-rank-1" -> stop(1, 0);
            case "stop-root" -> stop(0, 0);
            case "slow-rank-1" -> stop(-1, 3_000);
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
            mpi.runParts(mpi.isRoot() ? plan : null, (part, members) -> Fixtures.part(part, "rank " + rank, members), r -> {});
            System.out.println("@@ ran rank=" + rank);
            System.out.flush();
            // every rank has said so before one leaves: its MPI_Abort cannot cut a rank short of its line
            mpi.runtime().barrier();
            if (rank == mpi.workers() - 1) throw new IllegalStateException("rank " + rank + " cannot write its part");
            // the root waits for a reply that rank N-1 would send after writing … here: an outcome it never joins
            if (mpi.isRoot()) mpi.runtime().transport().receive(mpi.workers() - 1, 98);
            mpi.broadcast(null);
            System.out.println("@@ rank " + rank + " finished normally");
        }
    }

    /**
     * A run with a progress timeout of 2 s in which rank {@code stopped} stops itself (SIGSTOP) before its part, as
     * {@code kill -STOP} would: the job must end with one report naming it. With {@code stopped} -1, rank 1 instead
     * works {@code workMillis} — longer than the timeout — and the run must finish normally: a long part is not silence.
     */
    private static void stop(int stopped, long workMillis) {
        try (MpiPartitioner mpi = MpiPartitioner.builder().progressTimeout(Duration.ofSeconds(2))
                .report(line -> {
                    System.out.println("@@ silent " + line);
                    System.out.flush();
                }).open()) {
            int rank = mpi.runtime().rank();
            System.out.println("@@ started rank=" + rank);
            System.out.flush();
            if (rank == stopped) stopThisProcess();
            List<List<Constituent>> plan = new ArrayList<>();
            for (int p = 0; p < mpi.workers(); p++) plan.add(List.of(Constituent.of("P" + p)));
            mpi.runParts(mpi.isRoot() ? plan : null, (part, members) -> {
                if (part == 1) sleep(workMillis);
                return Fixtures.part(part, "rank " + rank, members);
            }, r -> {});
            mpi.broadcast(null);
            System.out.println("@@ rank " + rank + " finished normally");
            System.out.flush();
        }
    }

    private static void stopThisProcess() {
        try {
            new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot stop this process: " + e, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
