package org.hybridta.examples.cli;

import java.util.List;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;

/**
 * Backends registered for the tests only (src/test/resources/META-INF/services), all with priorities
 * below the cpu backend's so that {@code auto} never picks them. They let the CLI's handling of backends
 * be tested apart from the real kernels.
 */
public final class TestBackends {
    private TestBackends() {}

    /** Known but never available: {@code --backend never} must fail with the reason. */
    public static final class Never implements BackendProvider {
        @Override public String name() { return "never"; }
        @Override public int priority() { return -100; }
        @Override public Availability availability() { return Availability.no("a test backend that never runs; use --backend cpu"); }
        @Override public ComputeBackend create(BackendOptions options) { throw new AssertionError("not available"); }
    }

    /** Available, but every compute fails, as a GPU that falls off the bus would. */
    public static final class Failing implements BackendProvider {
        @Override public String name() { return "failing"; }
        @Override public int priority() { return -101; }
        @Override public Availability availability() { return Availability.yes("test"); }
        @Override public ComputeBackend create(BackendOptions options) {
            return new ComputeBackend() {
                @Override public String name() { return "failing"; }
                @Override public IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
                    throw new IllegalStateException("the device was lost while computing");
                }
                @Override public void close() {}
            };
        }
    }

    /**
     * Available and fake: every output is {@code close / 3} from the output's lookback on and NaN before, so
     * that the CLI's writing (empty cells, precision) can be checked without the real kernels. It also
     * remembers the precision it was opened with.
     */
    public static final class Fake implements BackendProvider {
        static volatile BackendOptions lastOptions;

        @Override public String name() { return "fake"; }
        @Override public int priority() { return -102; }
        @Override public Availability availability() { return Availability.yes("test"); }
        @Override public ComputeBackend create(BackendOptions options) {
            lastOptions = options;
            return new ComputeBackend() {
                @Override public String name() { return "fake"; }
                @Override public IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
                    int bars = panel.barCount();
                    List<String> columns = Indicators.columns(indicators);
                    double[][] out = new double[columns.size()][panel.seriesCount() * bars];
                    double[] close = panel.data(Field.CLOSE);
                    int c = 0;
                    for (Indicator ind : indicators) {
                        for (Output o : ind.outputs()) {
                            for (int s = 0; s < panel.seriesCount(); s++) {
                                for (int t = 0; t < bars; t++) {
                                    int i = s * bars + t;
                                    out[c][i] = t < o.lookback() || t >= panel.length(s) ? Double.NaN : close[i] / 3;
                                }
                            }
                            c++;
                        }
                    }
                    return IndicatorValues.of(panel, columns, out);
                }
                @Override public void close() {}
            };
        }
    }
}
