package org.hybridta;

import java.time.Duration;

/**
 * Wall-clock time of each stage of a run. Parts run in parallel, so {@code fetch} and {@code compute} are
 * those of the slowest part; {@code gather} is what moving the parts to the root added (for MPI: the
 * scatter and gather messages; locally about zero).
 *
 * @param partition planning who computes what
 * @param fetch     fetching bars (slowest part)
 * @param compute   computing indicators, lease waits included (slowest part)
 * @param gather    the rest of the parallel section: scattering the plan, gathering the results
 * @param write     writing the sinks at the root
 * @param total     the whole run
 */
public record StageTimings(Duration partition, Duration fetch, Duration compute, Duration gather, Duration write, Duration total) {}
