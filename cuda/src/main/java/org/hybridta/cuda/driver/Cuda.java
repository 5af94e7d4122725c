package org.hybridta.cuda.driver;

import org.hybridta.cuda.CudaException;

import jcuda.driver.CUresult;

/** Checks driver-API return codes: every CUDA call goes through {@link #check}, JCuda's global exceptions stay off. */
public final class Cuda {
    private Cuda() {}

    /**
     * Throws {@link CudaException} naming the call and the error when {@code result} is not {@code CUDA_SUCCESS}.
     *
     * @param call what was called, with the arguments worth knowing, e.g. {@code cuMemAlloc(1048576 bytes)}
     */
    public static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) throw new CudaException(call, result);
    }

    /** Like {@link #check} but for calls made while releasing: returns the error instead of throwing. */
    public static CudaException checkLater(int result, String call) {
        return result == CUresult.CUDA_SUCCESS ? null : new CudaException(call, result);
    }

    /** The name of a driver error code, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY}. */
    public static String errorName(int result) {
        try {
            return CUresult.stringFor(result);
        } catch (RuntimeException e) {
            return "CUDA error " + result;
        }
    }
}
