package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hybridta.xsection.GramEngineProvider;
import org.hybridta.xsection.GramEngines;
import org.junit.jupiter.api.Test;

/** The choice of cuBLAS binding and its messages, without native libraries; and the provider on this machine. */
class CublasBindingsTest {
    static CublasBindings.Binding fake(String name, String library, Throwable failure) {
        return new CublasBindings.Binding() {
            @Override public String name() { return name; }
            @Override public String describe() { return name + " binding"; }
            @Override public String library() { return library; }
            @Override public int[] version() {
                if (failure instanceof Error e) throw e;
                if (failure != null) throw (RuntimeException) failure;
                return new int[] {13, 0, 2};
            }
            @Override public Cublas open() { throw new UnsupportedOperationException(); }
        };
    }

    static final Throwable NO_LIB12 = new UnsatisfiedLinkError("Error while loading native library \"JCublas2-12.6.0-linux-x86_64\"")
            .initCause(new UnsatisfiedLinkError("/tmp/libJCublas2.so: libcublas.so.12: cannot open shared object file: No such file or directory"));

    @Test void autoTakesTheFirstThatLoadsAndSaysWhyTheOthersDidNot() {
        CublasBindings.Choice c = CublasBindings.choose(null, List.of(fake("jcublas", "libcublas.so.12", NO_LIB12), fake("javacpp", "libcublas.so.13", null)));
        assertThat(c.binding().name()).isEqualTo("javacpp");
        assertThat(c.describe()).isEqualTo("cuBLAS 13.0.2 through javacpp binding (libcublas.so.13); jcublas: libcublas.so.12 not found "
                + "(jcublas binding links libcublas.so.12 from the machine's CUDA 12; put its directory on LD_LIBRARY_PATH)");
    }

    @Test void aNamedBindingIsNotReplaced() {
        CublasBindings.Choice c = CublasBindings.choose("JCublas", List.of(fake("jcublas", "libcublas.so.12", NO_LIB12), fake("javacpp", "libcublas.so.13", null)));
        assertThat(c.binding()).isNull();
        assertThat(c.describe()).startsWith("no cuBLAS binding loads: jcublas: libcublas.so.12 not found");
        assertThat(CublasBindings.choose("cublasxt", List.of(fake("javacpp", "libcublas.so.13", null))).describe())
                .isEqualTo("no cuBLAS binding loads: hybridta.cublas=cublasxt names no binding (choose auto, javacpp)");
    }

    @Test void aForwardedLibraryIsNamed() {
        CublasBindings.Choice c = CublasBindings.choose("jcublas", List.of(fake("jcublas", "libcublas.so.12", null)));
        assertThat(c.describe()).isEqualTo("cuBLAS 13.0.2 through jcublas binding (libcublas.so.12, through a libcublas.so.13 forwarding libcublas.so.12)");
    }

    @Test void aMissingLibraryOfABindingIsNamed() {
        Throwable noDriver = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib /root/.javacpp/cache/x/libjnicudart.so: "
                + "libcuda.so.1: cannot open shared object file: No such file or directory");
        assertThat(CublasBindings.choose(null, List.of(fake("javacpp", "libcublas.so.13", noDriver))).describe()).isEqualTo(
                "no cuBLAS binding loads: javacpp: libcuda.so.1 not found (javacpp binding links libcublas.so.13 from the machine's CUDA 13; "
                + "put its directory on LD_LIBRARY_PATH)");
    }

    @Test void otherFailuresAreOneLine() {
        CublasBindings.Choice c = CublasBindings.choose(null, List.of(fake("javacpp", "libcublas.so.13", new IllegalStateException("bad\nthing"))));
        assertThat(c.describe()).isEqualTo("no cuBLAS binding loads: javacpp: javacpp binding did not load: bad; thing");
    }

    @Test void theProviderIsFoundAndNeverThrows() {
        assertThat(GramEngines.providers()).extracting(GramEngineProvider::name).startsWith("cuda").contains("cpu");
        var a = new CudaGramEngineProvider().availability();
        assertThat(a.reason()).isNotBlank();
        if (!Gpu.available()) {
            assertThat(a.available()).isFalse();
            assertThat(a.reason()).isEqualTo(Gpu.whyNot());   // the driver is checked first, as for the CUDA backend
            assertThat(GramEngines.choose("auto").name()).isEqualTo("cpu");
        }
    }
}
