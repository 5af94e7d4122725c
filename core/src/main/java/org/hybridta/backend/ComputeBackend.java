package org.hybridta.backend;

import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.indicator.Indicator;

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
     * Computes every output of every indicator for every series of the panel, in one call.
     *
     * @return one column per indicator output, in the order of {@code indicators} and their
     *         {@link Indicator#outputs() outputs}
     * @throws IllegalArgumentException if an indicator needs a field the panel lacks, or two indicators
     *                                  share a column name
     * @throws IllegalStateException    if the backend is closed
     */
    IndicatorValues compute(Panel panel, List<? extends Indicator> indicators);

    /** Convenience for one series. */
    default IndicatorValues compute(BarSeries series, List<? extends Indicator> indicators) {
        return compute(Panel.of(series), indicators);
    }

    /** Releases what the backend holds. Closing twice is safe. */
    @Override void close();
}
