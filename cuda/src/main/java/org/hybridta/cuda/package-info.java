/**
 * The CUDA backend of HybridTA on JCuda's driver API: {@link org.hybridta.cuda.CudaBackendProvider} (found by
 * {@link java.util.ServiceLoader}) opens a package-private backend that computes every catalog indicator
 * for a whole panel on an NVIDIA GPU, from kernels shipped as PTX. {@link org.hybridta.cuda.CudaGramEngineProvider}
 * is the cross-sectional analytics' engine on cuBLAS (through JCublas or JavaCPP's CUDA presets, whichever loads), on
 * the same primary context and device memory. {@link org.hybridta.cuda.CudaDiagnostics} and
 * {@link org.hybridta.cuda.CudaGramDiagnostics} are internal entry points for benchmarks, not part of the stable API.
 */
package org.hybridta.cuda;
