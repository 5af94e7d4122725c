package org.hybridta.backend;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * Computes indicators for whole panels. Obtain one from {@link Backends#open(String)}; close it when
 * done (a GPU backend holds device memory). Implementations are safe for use by one thread at a time
 * unless they say otherwise.
 */
public interface ComputeBackend extends AutoCloseable {

    /** The provider name, e.g. {@code cpu} or {@code cuda}. */
    String name();

    /** A one-line description for logs and summaries, e.g. {@code cuda (NVIDIA H100, double)}. */
    default String description() { return name(); }

    /**
     * Whether this backend computes {@code indicator}. The CPU computes every spec of the catalog; a GPU backend
     * may lack kernels for some (its {@code compute} then refuses them, naming them). {@link Backends#open} with
     * {@code auto} computes such specs on the CPU instead, and logs it.
     */
    default boolean supports(Indicator indicator) {
        return true;
    }

    /**
     * Computes every output of every indicator for every series of the panel, in one call.
     *
     * @return one column per indicator output, in the order of {@code indicators} and their
     *         {@link Indicator#outputs() outputs}
     * @throws IllegalArgumentException if an indicator needs a field the panel lacks, two indicators share a column
     *                                  name, or the backend does not {@link #supports support} an indicator
     * @throws IllegalStateException    if the backend is closed
     */
    IndicatorValues compute(Panel panel, List<? extends Indicator> indicators);

    /** Convenience for one series. */
    default IndicatorValues compute(BarSeries series, List<? extends Indicator> indicators) {
        return compute(Panel.of(series), indicators);
    }

    /**
     * A direct buffer of {@code bytes} bytes for {@link #computeInto}'s inputs and outputs: in the platform's byte
     * order, starting on a page boundary and sharing no page with another buffer. A GPU backend page-locks it once
     * (until the backend is closed) so that {@code computeInto} moves it between host and device directly, with no
     * staging copy; the CPU backend returns plain direct memory. The memory belongs to the buffer, not to the
     * backend: it stays valid as long as the buffer (or a view of it) is reachable, also after the backend is closed
     * (then merely no longer page-locked), and the garbage collector frees it.
     *
     * <p>View it as values with {@code asDoubleBuffer()} or {@code asFloatBuffer()}; a 10,000 x 25,000 panel of
     * doubles is 2.0e9 bytes, near the limit of one buffer.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative or above {@link HostBuffers#MAX_BYTES} (about 2 GB)
     * @throws IllegalStateException    if a backend that page-locks its buffers is closed
     */
    default ByteBuffer allocateHostBuffer(long bytes) {
        return HostBuffers.allocate(bytes);
    }

    /**
     * Like {@link #compute(org.hybridta.Panel, List)}, but from and into caller-owned native memory: the inputs come
     * from the panel's direct buffers and every output is written into the buffer given for its column, so that
     * nothing is allocated per call. Fastest with buffers from {@link #allocateHostBuffer} (a GPU backend moves
     * them by DMA); any direct buffer works.
     *
     * <p>{@code outputs} holds one buffer per column of {@link Indicators#columns(List) Indicators.columns(indicators)},
     * in that order: a direct {@link java.nio.DoubleBuffer}, or a {@link java.nio.FloatBuffer} where the backend
     * computes in float precision (a GPU backend opened with {@link Precision#FLOAT} takes FloatBuffers only, one
     * in double precision DoubleBuffers only; the CPU backend takes either, narrowing to float). Each receives the
     * column series-major like {@link org.hybridta.IndicatorValues}: indices {@code [0, panel.cells())}, bar
     * {@code t} of series {@code s} at {@code s * barCount + t}, {@code NaN} before the output's first valid bar
     * and after the end of its series. Nothing else in the buffers is written, and their positions and limits are
     * not changed. On an exception the buffers may hold part of the results.
     *
     * <p>The default copies the panel into a heap {@link org.hybridta.Panel}, calls {@link #compute} and copies the
     * results out.
     *
     * @throws IllegalArgumentException if an indicator needs a field the panel lacks, two indicators share a column
     *                                  name, or an output buffer is missing, of the wrong type, not direct, read-only,
     *                                  in the wrong byte order or too small (the message names the column)
     * @throws IllegalStateException    if the backend is closed
     */
    default void computeInto(HostPanel panel, List<? extends Indicator> indicators, List<? extends Buffer> outputs) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(indicators, "indicators");
        HostBuffers.checkRequest(panel, indicators);
        HostBuffers.checkOutputs(panel, Indicators.columns(indicators), outputs);
        HostBuffers.copyOut(compute(panel.toPanel(), indicators), outputs, panel.cells());
    }

    /** Releases what the backend holds. Closing twice is safe. */
    @Override void close();
}
