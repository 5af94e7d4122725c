package org.hybridta.cuda;

import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;

/**
 * cuBLAS through JCublas 12.6 ({@code org.jcuda:jcublas}), whose native library links {@code libcublas.so.12} (CUDA
 * 12's cuBLAS, versioned symbols of node {@code libcublas.so.12}). Calls: {@code cublasGetProperty},
 * {@code cublasCreate_v2}, {@code cublasDsyrk_v2}, {@code cublasDgemm_v2}, {@code cublasDestroy_v2}: the symbols a
 * forwarding {@code libcublas.so.12} must export for this path (cuda/device/cublas12-shim).
 */
final class JCublasBinding implements CublasBindings.Binding {
    static final String NAME = "jcublas";

    @Override public String name() { return NAME; }

    @Override public String describe() { return "JCublas " + jcuda.JCudaVersion.get(); }

    @Override public String library() { return "libcublas.so.12"; }

    /** Loads JCublas's native library (an {@link Error} where libcublas.so.12 is missing) and asks cuBLAS its version. */
    @Override public int[] version() {
        int[] v = new int[3], x = new int[1];
        for (int p = 0; p < 3; p++) {
            Cublas.check(JCublas2.cublasGetProperty(p, x), "cublasGetProperty");
            v[p] = x[0];
        }
        return v;
    }

    @Override public Cublas open() {
        cublasHandle h = new cublasHandle();
        Cublas.check(JCublas2.cublasCreate(h), "cublasCreate");
        return new Session(h);
    }

    private static final class Session implements Cublas {
        private final cublasHandle handle;
        private final Pointer one = Pointer.to(new double[] {1}), zero = Pointer.to(new double[] {0});
        private final AtomicBoolean closed = new AtomicBoolean();

        Session(cublasHandle handle) { this.handle = handle; }

        @Override public void syrkLower(int n, int k, CUdeviceptr a, CUdeviceptr c) {
            Cublas.check(JCublas2.cublasDsyrk(handle, LOWER, OP_N, n, k, one, a, n, zero, c, n), "cublasDsyrk(" + n + " x " + k + ")");
        }

        @Override public void gemmNT(int n, int k, CUdeviceptr a, CUdeviceptr b, CUdeviceptr c) {
            Cublas.check(JCublas2.cublasDgemm(handle, OP_N, OP_T, n, n, k, one, a, n, b, n, zero, c, n), "cublasDgemm(" + n + " x " + k + ")");
        }

        @Override public void close() {
            if (closed.compareAndSet(false, true)) Cublas.check(JCublas2.cublasDestroy(handle), "cublasDestroy");
        }
    }
}
