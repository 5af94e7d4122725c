package org.hybridta;

import java.time.Duration;

/**
 * Wall-clock time of each stage of a run. The stages overlap — a part is written while the next is computed and
 * the one after is fetched — so they add up to more than the total: {@code fetch} and {@code compute} are the
 * busiest worker's sums over its parts, {@code write} the root's time in the sinks.
 *
 * @param partition planning who computes what
 * @param fetch     fetching bars (the busiest worker)
 * @param compute   computing indicators, lease waits included (the busiest worker)
 * @param gather    what the parallel section took beyond the busiest worker's fetch and compute and the writing:
 *                  scattering the plan, moving results to the root (for MPI; locally about zero)
 * @param write     writing the sinks at the root, committing them included
 * @param total     the whole run
 */
public record StageTimings(Duration partition, Duration fetch, Duration compute, Duration gather, Duration write, Duration total) {}
