package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MpirunArguments}: the command lines below are what Open MPI 4.1's mpirun executes for what the user typed
 * (seen on this machine: {@code mpirun -np 1 java -jar p.jar run --backend cpu} ran {@code p.jar} with
 * {@code [run, --backend, cpu, /tmp/mt:(null)]}).
 */
class MpirunArgumentsTest {
    private static final Map<String, String> MPIRUN = Map.of("OMPI_COMM_WORLD_SIZE", "2");
    private static final String LIB = "-Djava.library.path=/usr/lib/x86_64-linux-gnu/openmpi/lib";

    /** The executed command line: JVM part, then main's arguments. */
    private static List<String> line(List<String> jvm, String... args) {
        List<String> all = new ArrayList<>(jvm);
        all.addAll(List.of(args));
        return all;
    }

    private static String[] repair(List<String> jvm, String... args) {
        return MpirunArguments.repair(args, line(jvm, args), "/home/me", MPIRUN);
    }

    @Test void theArgumentAfterCpuGetsItsOwnTextBack() {
        assertThat(repair(List.of(LIB, "-jar", "hybridta.jar"), "run", "--backend", "cpu", "/home/me:--from", "2024-01-01"))
                .containsExactly("run", "--backend", "cpu", "--from", "2024-01-01");
    }

    @Test void theArgumentMpirunMadeUpAfterALastCpuIsDropped() {
        assertThat(repair(List.of(LIB, "-jar", "hybridta.jar"), "run", "--backend", "cpu", "/home/me:(null)"))
                .containsExactly("run", "--backend", "cpu");
    }

    @Test void theJarsMpirunAppendsWhereItHasThemAreRemovedToo() {
        assertThat(repair(List.of(LIB, "-jar", "hybridta.jar"), "run", "--backend=cpu",
                "/home/me:-o:/usr/lib/x86_64-linux-gnu/openmpi/lib/mpi.jar:/usr/lib/x86_64-linux-gnu/openmpi/lib/shmem.jar", "out"))
                .containsExactly("run", "--backend=cpu", "-o", "out");
    }

    @Test void aClassPathOptionFirstTakesTheRewriteItself() {
        String[] args = {"run", "--backend", "cpu", "--from", "2024-01-01"};
        assertThat(repair(List.of(LIB, "-cp", "/home/me:hybridta.jar", "org.hybridta.examples.cli.HybridTa"), args)).containsExactly(args);
        // a JVM option with "cp" in it is matched first as well (the JVM then sees the rewritten option, not main)
        assertThat(repair(List.of(LIB, "-Dhybridta.backend=cpu", "/home/me:-jar", "hybridta.jar"), args)).containsExactly(args);
    }

    @Test void aMatchWhoseNextArgumentIsNotRewrittenChangesNothing() {
        // "/srv:x" after "cpu" does not start with the working directory: not mpirun's doing
        String[] args = {"run", "--backend", "cpu", "/srv:x"};
        assertThat(repair(List.of(LIB, "-jar", "hybridta.jar"), args)).containsExactly(args);
        String[] none = {"run", "--backend", "cuda", "/home/me:x"};   // no "cp" anywhere: nothing was rewritten
        assertThat(repair(List.of(LIB, "-jar", "hybridta.jar"), none)).containsExactly(none);
    }

    @Test void outsideMpirunNothingChanges() {
        String[] args = {"run", "--backend", "cpu", "/home/me:--from"};
        assertThat(MpirunArguments.repair(args, line(List.of("-jar", "hybridta.jar"), args), "/home/me", Map.of())).containsExactly(args);
    }

    @Test void withoutTheRealCommandLineTheArgumentsAreSearchedAlone() {
        String[] args = {"run", "--backend", "cpu", "/home/me:--from", "2024-01-01"};
        assertThat(MpirunArguments.repair(args, List.of(), "/home/me", MPIRUN)).containsExactly("run", "--backend", "cpu", "--from", "2024-01-01");
    }
}
