/**
 * The CUDA backend of HybridTA on JCuda: every catalog indicator on NVIDIA GPUs.
 */
package org.hybridta.cuda;
