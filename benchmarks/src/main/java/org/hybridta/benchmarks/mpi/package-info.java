/**
 * Strong scaling of the pipeline over MPI ranks ({@link org.hybridta.benchmarks.mpi.MpiScaling}, run under mpirun
 * by {@code benchmarks/mpi-scaling.sh}) and its plot ({@link org.hybridta.benchmarks.mpi.ScalingPlot}).
 */
package org.hybridta.benchmarks.mpi;
