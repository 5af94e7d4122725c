/**
 * The CPU backend: {@link org.hybridta.cpu.CpuBackendProvider} and its package-private kernels.
 */
package org.hybridta.cpu;
