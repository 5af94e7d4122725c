/**
 * Open MPI runtime, partitioner and device lease for HybridTA's distributed runs.
 */
package org.hybridta.mpi;
