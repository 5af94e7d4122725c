/**
 * The CUDA backend of HybridTA on JCuda's driver API: {@link org.hybridta.cuda.CudaBackendProvider} (found by
 * {@link java.util.ServiceLoader}) opens a package-private backend that computes every catalog indicator for a whole
 * panel on an NVIDIA GPU, from kernels shipped as a fatbin (machine code for sm_80 to sm_120, PTX for the rest).
 * {@link org.hybridta.cuda.CudaSweepEngineProvider} gives sweeps and screens on the device,
 * {@link org.hybridta.cuda.CudaUniverseStreamProvider} the universe stream, and
 * {@link org.hybridta.cuda.CudaGramEngineProvider} the cross-sectional analytics' engine on cuBLAS (through JCublas or
 * JavaCPP's CUDA presets, whichever loads), on the same primary context and device memory. The measurements below the
 * public API (kernels alone, sweeps and products computed on the device) are not in this artifact: they live in the
 * benchmarks module, in this package for its package-private internals.
 */
package org.hybridta.cuda;
