/**
 * The CUDA backend of HybridTA on JCuda's driver API: {@link org.hybridta.cuda.CudaBackendProvider} (found by
 * {@link java.util.ServiceLoader}) opens a package-private backend that computes every catalog indicator
 * for a whole panel on an NVIDIA GPU, from kernels shipped as PTX. {@link org.hybridta.cuda.CudaDiagnostics}
 * is an internal entry point for benchmarks, not part of the stable API.
 */
package org.hybridta.cuda;
