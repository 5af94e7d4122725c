package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaDevice;
import jcuda.driver.CUdeviceptr;

/**
 * The few cuBLAS calls of the cross-sectional engine, on one cuBLAS handle created on the calling thread's current
 * context (the device's primary context, which {@link CudaDevice} makes current), in double precision, on the default
 * stream. Matrices are column-major, as cuBLAS has them. Two bindings implement it: {@link JCublasBinding} (JCublas
 * 12.6, which links {@code libcublas.so.12}) and {@link JavaCppCublasBinding} (JavaCPP's CUDA 13.1 presets, which link
 * {@code libcublas.so.13}); {@link CublasBindings} chooses the one that loads.
 */
interface Cublas extends AutoCloseable {
    /** {@code CUBLAS_FILL_MODE_LOWER}. */
    int LOWER = 0;
    /** {@code CUBLAS_OP_N}, {@code CUBLAS_OP_T}. */
    int OP_N = 0, OP_T = 1;

    /** The lower triangle of {@code C = A · Aᵀ}: DSYRK, {@code A} {@code n × k} ({@code lda = n}), {@code C} {@code n × n}. */
    void syrkLower(int n, int k, CUdeviceptr a, CUdeviceptr c);

    /** {@code C = A · Bᵀ}: DGEMM, {@code A} and {@code B} {@code n × k} ({@code lda = ldb = n}), {@code C} {@code n × n}. */
    void gemmNT(int n, int k, CUdeviceptr a, CUdeviceptr b, CUdeviceptr c);

    /** Destroys the handle. Safe twice. */
    @Override void close();

    /** Throws naming the call and the status unless {@code status} is {@code CUBLAS_STATUS_SUCCESS}. */
    static void check(int status, String call) {
        if (status != 0) throw new CublasException(call + " failed: " + statusName(status), status);
    }

    /** The name of a {@code cublasStatus_t}. */
    static String statusName(int status) {
        return switch (status) {
            case 1 -> "CUBLAS_STATUS_NOT_INITIALIZED";
            case 3 -> "CUBLAS_STATUS_ALLOC_FAILED (the GPU is out of memory)";
            case 7 -> "CUBLAS_STATUS_INVALID_VALUE";
            case 8 -> "CUBLAS_STATUS_ARCH_MISMATCH";
            case 11 -> "CUBLAS_STATUS_MAPPING_ERROR";
            case 13 -> "CUBLAS_STATUS_EXECUTION_FAILED";
            case 14 -> "CUBLAS_STATUS_INTERNAL_ERROR";
            case 15 -> "CUBLAS_STATUS_NOT_SUPPORTED";
            case 16 -> "CUBLAS_STATUS_LICENSE_ERROR";
            default -> "cuBLAS status " + status;
        };
    }
}
