/**
 * Spreading work: {@link org.hybridta.parallel.Partitioner} (who computes which symbols, and the gather to
 * the root) and {@link org.hybridta.parallel.DeviceLease} (exclusive use of an accelerator), with local
 * implementations in {@code org.hybridta.parallel.Partitioners}; MPI implementations live in hybridta-mpi.
 */
package org.hybridta.parallel;
