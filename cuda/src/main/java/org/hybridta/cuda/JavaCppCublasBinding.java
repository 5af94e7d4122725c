package org.hybridta.cuda;

import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.driver.CUdeviceptr;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * cuBLAS through JavaCPP's CUDA 13.1 presets ({@code org.bytedeco:cuda:13.1-9.19-1.5.13}), whose JNI libraries link
 * {@code libcublas.so.13}, {@code libcublasLt.so.13} and {@code libcudart.so.13} from the machine's CUDA 13 (the jar
 * carries the bindings, not cuBLAS itself). Device memory stays JCuda's: its addresses are handed over as raw
 * pointers ({@link DeviceAddress}), both libraries working on the same primary context.
 */
final class JavaCppCublasBinding implements CublasBindings.Binding {
    static final String NAME = "javacpp";

    @Override public String name() { return NAME; }

    @Override public String describe() { return "JavaCPP's CUDA 13.1 presets"; }

    @Override public String library() { return "libcublas.so.13"; }

    /** Loads the presets' JNI libraries (an {@link Error} where libcublas.so.13 is missing) and asks cuBLAS its version. */
    @Override public int[] version() {
        Loader.load(cublas.class);
        int[] v = new int[3], x = new int[1];
        for (int p = 0; p < 3; p++) {
            Cublas.check(cublas.cublasGetProperty(p, x), "cublasGetProperty");
            v[p] = x[0];
        }
        return v;
    }

    @Override public Cublas open() {
        cublasContext h = new cublasContext();
        Cublas.check(cublas.cublasCreate_v2(h), "cublasCreate");
        return new Session(h);
    }

    /** A JavaCPP pointer at a raw (device) address; it owns nothing. */
    static DoublePointer at(long raw) {
        return new DoublePointer(new Pointer() {
            {
                address = raw;   // the field of Pointer (a parameter of this name would hide it)
            }
        });
    }

    private static final class Session implements Cublas {
        private final cublasContext handle;
        private final DoublePointer one = new DoublePointer(1.0), zero = new DoublePointer(0.0);
        private final AtomicBoolean closed = new AtomicBoolean();

        Session(cublasContext handle) { this.handle = handle; }

        @Override public void syrkLower(int n, int k, CUdeviceptr a, CUdeviceptr c) {
            Cublas.check(cublas.cublasDsyrk_v2(handle, LOWER, OP_N, n, k, one, at(DeviceAddress.of(a)), n, zero, at(DeviceAddress.of(c)), n),
                    "cublasDsyrk(" + n + " x " + k + ")");
        }

        @Override public void gemmNT(int n, int k, CUdeviceptr a, CUdeviceptr b, CUdeviceptr c) {
            Cublas.check(cublas.cublasDgemm_v2(handle, OP_N, OP_T, n, n, k, one, at(DeviceAddress.of(a)), n, at(DeviceAddress.of(b)), n, zero,
                    at(DeviceAddress.of(c)), n), "cublasDgemm(" + n + " x " + k + ")");
        }

        @Override public void close() {
            if (!closed.compareAndSet(false, true)) return;
            try {
                Cublas.check(cublas.cublasDestroy_v2(handle), "cublasDestroy");
            } finally {
                one.close();
                zero.close();
            }
        }
    }
}
