/**
 * The CPU backend: {@link org.hybridta.cpu.CpuBackendProvider}. It runs each spec's catalog kernel
 * ({@link org.hybridta.functions.Functions#kernel}) over the panel's series on its own thread pool.
 */
package org.hybridta.cpu;
