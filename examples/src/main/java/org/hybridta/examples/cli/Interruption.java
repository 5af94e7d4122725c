package org.hybridta.examples.cli;

import java.util.function.Supplier;
import org.hybridta.io.AtomicFiles;

/**
 * What the command line says when a signal stops it before it finished — Ctrl-C (SIGINT), SIGTERM, mpirun ending
 * the job: one line on stderr, after the command's own clean-up (an output folder it created and left empty is
 * removed), once the unfinished files are removed ({@link AtomicFiles#abandonAll()}, as its own hook does). Installed by
 * {@link HybridTa#main} only: commands run in tests, in-process, never print it.
 */
final class Interruption {
    /** What a command says and undoes when it is interrupted; both may be left out. */
    interface Handler {
        /** The line to print after {@code hybridta: }, or null to say nothing (an MPI rank other than 0). */
        String message();

        /** Undoes what a half-finished run leaves behind, such as an empty folder it created. */
        void cleanUp();
    }

    private static final String DEFAULT_MESSAGE = "interrupted before the end; no unfinished file is left";
    private static volatile Handler handler;
    private static volatile boolean finished;

    private Interruption() {}

    /** Installs the shutdown hook; once per process. */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(Interruption::onShutdown, "hybridta-interrupted"));
    }

    /** The command finished (successfully or not) and said so itself: nothing to say at shutdown. */
    static void finished() {
        finished = true;
    }

    /** What the running command says and undoes if it is interrupted. */
    static void handle(Handler h) {
        handler = h;
    }

    /** A handler that says {@code message} (null: nothing) and runs {@code cleanUp}. */
    static Handler of(Supplier<String> message, Runnable cleanUp) {
        return new Handler() {
            @Override public String message() { return message.get(); }
            @Override public void cleanUp() { cleanUp.run(); }
        };
    }

    /**
     * How long an MPI rank other than 0 stays alive after the signal. Open MPI 4's mpirun, ending a job, sends every rank
     * SIGTERM, sleeps one second and sends SIGKILL; a rank that exits wakes it early (the sleep is cut short by
     * SIGCHLD, and the rest of the second is dropped). A rank with nothing to clean up exits within tens of
     * milliseconds, and rank 0, still removing its unfinished file, was killed halfway (InterruptionTest failed in 4 of
     * 6 runs on two cores). Waiting here lets rank 0 finish first; mpirun's SIGKILL ends the wait at the second anyway.
     */
    private static final long OTHER_RANKS_GRACE_MILLIS = 1500;

    private static void onShutdown() {
        if (finished) return;
        AtomicFiles.abandonAll();   // before the clean-up, which removes a folder only when it is empty
        Handler h = handler;
        String message = DEFAULT_MESSAGE;
        if (h != null) {
            try {
                h.cleanUp();
                message = h.message();
            } catch (RuntimeException e) {
                // shutting down: say what can be said
            }
        }
        if (message != null) {
            System.err.println(HybridTa.NAME + ": " + message);
            System.err.flush();
        }
        String rank = System.getenv("OMPI_COMM_WORLD_RANK");
        if (rank == null) return;
        if (!rank.equals("0")) {
            sleep(OTHER_RANKS_GRACE_MILLIS);
        } else if (message != null) {
            sleep(300);   // mpirun is ending the job too: give it a moment to forward the line before it stops reading
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
