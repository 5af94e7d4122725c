package org.hybridta.cuda;

import org.hybridta.cuda.driver.Cuda;
import org.hybridta.cuda.driver.CudaProbe;

/** A CUDA driver call failed; the message names the call and the driver's error code. */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int result;

    /**
     * @param call   the driver call that failed, with the arguments worth knowing
     * @param result its {@code CUresult}
     */
    public CudaException(String call, int result) {
        super(call + " failed: " + Cuda.errorName(result) + hint(result));
        this.result = result;
    }

    /** The driver's {@code CUresult} code. */
    public int result() { return result; }

    private static String hint(int result) {
        return switch (result) {
            case jcuda.driver.CUresult.CUDA_ERROR_OUT_OF_MEMORY ->
                    " (the GPU is out of memory: set a smaller BackendOptions.deviceMemoryBudget or free the GPU)";
            case jcuda.driver.CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION ->
                    " (the NVIDIA driver is older than the PTX needs: update it to " + CudaProbe.REQUIRED_DRIVER_TEXT + ")";
            default -> "";
        };
    }
}
