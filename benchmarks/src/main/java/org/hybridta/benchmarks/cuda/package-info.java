/**
 * JMH benchmarks of the CUDA backend: kernels alone on device-resident data against the device's copy
 * bandwidth, end-to-end calls against the PCIe transfer floor, and the CPU-vs-GPU crossover; plus
 * {@link org.hybridta.benchmarks.cuda.CudaPlots}, which turns JMH's JSON into tables and PNG charts.
 */
package org.hybridta.benchmarks.cuda;
