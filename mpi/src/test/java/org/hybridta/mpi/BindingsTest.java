package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Open MPI's Java library, and refusing to start outside mpirun — no MPI needed. */
class BindingsTest {
    @TempDir Path tmp;

    @Test void outsideMpirunTheErrorSaysHowToLaunch() {
        assertThatThrownBy(() -> Bindings.requireLauncher(Map.of("PATH", "/usr/bin")))
                .isInstanceOf(MpiException.class)
                .hasMessageStartingWith("not started by mpirun: run as 'mpirun -np N java …'");
        assertThatCode(() -> Bindings.requireLauncher(Map.of("OMPI_COMM_WORLD_SIZE", "4"))).doesNotThrowAnyException();
        assertThatCode(() -> Bindings.requireLauncher(Map.of("PMIX_RANK", "0"))).doesNotThrowAnyException();
    }

    @Test void startingMpiInThisJvmFailsClearlyBecauseSurefireIsNotMpirun() {
        // the surefire JVM has no OMPI_COMM_WORLD_SIZE: the check comes before any native code is touched
        assertThatThrownBy(MpiRuntime::start).isInstanceOf(MpiException.class).hasMessageContaining("not started by mpirun");
    }

    @Test void prefersTheUnversionedNameThenTheSonameInSearchOrder() throws IOException {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Path second = Files.createDirectories(tmp.resolve("second"));
        Path missing = tmp.resolve("missing");
        Files.createFile(second.resolve("libmpi_java.so.40.30.0"));
        Files.createFile(second.resolve("libmpi_java.so.40"));
        assertThat(Bindings.find(List.of(missing, first, second))).contains(second.resolve("libmpi_java.so.40"));

        Files.createFile(first.resolve("libmpi_java.so"));
        assertThat(Bindings.find(List.of(missing, first, second))).contains(first.resolve("libmpi_java.so"));
        assertThat(Bindings.find(List.of(missing))).isEmpty();
    }

    @Test void searchesJavaLibraryPathThenMpirunsPrefixThenDistributionDirectories() throws IOException {
        Path prefix = tmp.resolve("openmpi");
        Path bin = Files.createDirectories(prefix.resolve("bin"));
        Path mpirun = Files.createFile(bin.resolve("mpirun"));
        assertThat(mpirun.toFile().setExecutable(true)).isTrue();
        List<Path> dirs = Bindings.searchPath("/a:/b", Map.of("PATH", "/nowhere:" + bin, "OPAL_PREFIX", "/opt/ompi"), "amd64");
        assertThat(dirs).startsWith(Path.of("/a"), Path.of("/b"), prefix.toRealPath().resolve("lib"), prefix.toRealPath().resolve("lib64"),
                Path.of("/opt/ompi/lib"), Path.of("/opt/ompi/lib64"), Path.of("/usr/lib/x86_64-linux-gnu"),
                Path.of("/usr/lib/x86_64-linux-gnu/openmpi/lib"));
        assertThat(dirs).contains(Path.of("/usr/lib64/openmpi/lib")).doesNotHaveDuplicates();
    }

    @Test void anExplicitLibraryThatIsNotAFileIsNamed() {
        String before = System.getProperty(Bindings.LIBRARY_PROPERTY);
        System.setProperty(Bindings.LIBRARY_PROPERTY, tmp.resolve("nope.so").toString());
        try {
            assertThatThrownBy(Bindings::locateLibrary).isInstanceOf(MpiException.class)
                    .hasMessageContaining("nope.so").hasMessageContaining("not a file");
        } finally {
            if (before == null) System.clearProperty(Bindings.LIBRARY_PROPERTY);
            else System.setProperty(Bindings.LIBRARY_PROPERTY, before);
        }
    }

    @Test void theBindingsLoaderKeepsOnlyOpenMpiAndTheBridgeToItself() {
        assertThat(Bindings.BindingsClassLoader.isolated("mpi.MPI")).isTrue();
        assertThat(Bindings.BindingsClassLoader.isolated("org.hybridta.mpi.internal.OpenMpiTransport")).isTrue();
        assertThat(Bindings.BindingsClassLoader.isolated("org.hybridta.mpi.internal.OpenMpiTransport$Window")).isTrue();
        assertThat(Bindings.BindingsClassLoader.isolated("org.hybridta.mpi.internal.Transport")).isFalse();
        assertThat(Bindings.BindingsClassLoader.isolated("org.hybridta.mpi.MpiException")).isFalse();
        assertThat(Bindings.BindingsClassLoader.isolated("mpiextra.Foo")).isFalse();
    }
}
