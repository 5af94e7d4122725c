package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranks that leave while others wait for them: the job ends, non-zero, instead of hanging ({@link FailureScenarios}). */
class MpiFailureTest {

    @BeforeAll static void needOpenMpi() {
        MpiRun.assumeOpenMpi();
    }

    @Test void closeAbortsTheJobWhenARankNeverArrives() throws Exception {
        MpiRun.Result run = MpiRun.run("failure-stuck", 2, Duration.ofSeconds(90),
                List.of("-D" + MpiRuntime.CLOSE_TIMEOUT_PROPERTY + "=2"), FailureScenarios.class, "stuck");
        String plain = run.output();
        assertThat(run.reports("started")).as(plain).hasSize(2);
        assertThat(run.exitCode()).as(plain).isNotZero();
        assertThat(plain).contains("rank 1 of 2").contains("aborting the MPI job").contains("not every rank reached the end within 2 s")
                .doesNotContain("closed normally").doesNotContain("received the impossible");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test void aRankLeavingBetweenRunPartsAndShareOutcomeAbortsTheJob() throws Exception {
        MpiRun.Result run = MpiRun.run("failure-leave-early", 3, Duration.ofSeconds(90), List.of(), FailureScenarios.class, "leave-early");
        String plain = run.output();
        assertThat(run.reports("ran")).as(plain).hasSize(3);
        assertThat(run.exitCode()).as(plain).isNotZero();
        assertThat(plain).contains("rank 2 of 3").contains("left the distributed run between runParts and broadcast")
                .doesNotContain("finished normally");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(60));
    }
}
