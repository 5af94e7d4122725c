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

    @Test void aStoppedRankEndsTheJobAfterTheProgressTimeoutWithOneLineNamingIt() throws Exception {
        MpiRun.Result run = MpiRun.run("failure-stop-rank-1", 3, Duration.ofSeconds(90), List.of(), FailureScenarios.class, "stop-rank-1");
        String plain = run.output();
        assertThat(run.reports("started")).as(plain).hasSize(3);
        assertThat(run.exitCode()).as(plain).isNotZero();
        assertThat(run.reports("silent")).as("rank 0 notices, and says so once\n" + plain).singleElement().asString()
                .matches("@@ silent rank 1 of 3 has given no sign of life for \\d+ s, longer than the progress timeout \\(2 s\\): "
                        + "it is stopped, hung or unreachable; ending the job");
        assertThat(plain).doesNotContain("finished normally");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(45));
    }

    @Test void aStoppedRootEndsTheJobWithOneLineFromTheNextRank() throws Exception {
        MpiRun.Result run = MpiRun.run("failure-stop-root", 3, Duration.ofSeconds(90), List.of(), FailureScenarios.class, "stop-root");
        String plain = run.output();
        assertThat(run.exitCode()).as(plain).isNotZero();
        assertThat(run.reports("silent")).as(plain).singleElement().asString().startsWith("@@ silent rank 0 of 3 has given no sign of life");
        assertThat(plain).doesNotContain("finished normally");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(45));
    }

    @Test void aRankWorkingLongerThanTheProgressTimeoutIsNotSilent() throws Exception {
        MpiRun.Result run = MpiRun.run("failure-slow-rank-1", 3, Duration.ofSeconds(90), List.of(), FailureScenarios.class, "slow-rank-1");
        String plain = run.output();
        assertThat(run.exitCode()).as(plain).isZero();
        assertThat(run.reports("silent")).as(plain).isEmpty();
        assertThat(run.reports("rank")).as(plain).hasSize(3);
    }
}
