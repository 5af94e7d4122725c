package org.hybridta.sweep;

import java.util.List;
import org.hybridta.Panel;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;

/**
 * Computes many specs over a panel and keeps all values ({@link #cube}), or reduces them where they are computed
 * ({@link #reduce}, {@link #screen}), so that a GPU sends back only the reductions. Obtain one from
 * {@link Sweeps#open}; the CPU's is in hybridta-core, the GPU's in hybridta-cuda ({@link SweepEngineProvider}).
 * Not for concurrent use; close it when done (closing twice is safe).
 */
public interface SweepEngine extends AutoCloseable {

    /** What computes, e.g. {@code cpu (16 threads)} or {@code cuda (device 0: NVIDIA H200)}. */
    String description();

    /** Whether this engine computes {@code indicator} (a GPU engine has kernels for some functions only). */
    boolean supports(Indicator indicator);

    /**
     * Every parameter set of the sweep for every series of the panel.
     *
     * @throws IllegalArgumentException if the panel lacks a field the function reads, or the engine does not support it
     */
    SweepCube cube(Panel panel, Sweep sweep, Precision precision);

    /**
     * The reductions of every output series: series {@code s} over bars {@code [from[s], length(s))}.
     *
     * @throws IllegalArgumentException as {@link #cube}, or if {@code from} does not have one bar per series
     */
    SweepSummary reduce(Panel panel, Sweep sweep, int[] from, List<Reduction> reductions, Precision precision);

    /**
     * The series for which the screen's condition holds at bar {@code at[s]} ({@code -1}: not evaluated), with the
     * values of its operands there. Computed in double precision.
     */
    ScreenResult screen(Panel panel, Screen screen, int[] at);

    @Override void close();
}
