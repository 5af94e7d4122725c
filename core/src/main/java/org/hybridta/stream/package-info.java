/**
 * Streaming: indicators updated one bar at a time, in O(1) amortised time per bar, with the batch kernels' values
 * bit for bit.
 *
 * <ul>
 *   <li>{@link org.hybridta.stream.IndicatorStream}: one series, one or several specs — {@code update} commits a
 *       closed bar, {@code peek} gives the values of a still-forming bar without committing it, {@code snapshot} and
 *       {@code restore} keep the state over a restart ({@link org.hybridta.stream.StreamSnapshot}), {@code warm}
 *       seeds a stream from history.</li>
 *   <li>{@link org.hybridta.stream.UniverseStream}: many symbols, one call per tick with that tick's bars
 *       ({@link org.hybridta.stream.Tick}), the values back as columns by symbol
 *       ({@link org.hybridta.stream.TickValues}); opened by {@link org.hybridta.stream.UniverseStreams} on a backend
 *       found through {@link org.hybridta.stream.UniverseStreamProvider} ({@code cpu} here, threads when large).</li>
 * </ul>
 * Each function's streaming step lives in its home in {@code org.hybridta.functions}, next to its batch kernel;
 * snapshots and peeks need no code per function (a reflective walk of the step's state).
 */
package org.hybridta.stream;
