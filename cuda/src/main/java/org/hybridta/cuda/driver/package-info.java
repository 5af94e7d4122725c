/**
 * The CUDA driver as the backend and the cuBLAS engine use it, through JCuda: checked calls ({@link
 * org.hybridta.cuda.driver.Cuda}), the probe of driver and devices ({@link org.hybridta.cuda.driver.CudaProbe}), one GPU's
 * primary context with the kernels' module ({@link org.hybridta.cuda.driver.CudaDevice}, loaded from the shipped fatbin,
 * {@link org.hybridta.cuda.driver.KernelImage}) and its memory ({@link org.hybridta.cuda.driver.DeviceArena}).
 * Internal to hybridta-cuda: public only so that the backend's packages can share it; not a stable API.
 */
package org.hybridta.cuda.driver;
