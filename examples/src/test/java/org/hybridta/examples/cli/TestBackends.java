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

    /*
     * The two below are registered only for the MPI tests' ranks and reference runs (DistributedRunTest puts
     * src/test/resources/mpi-ranks on their class path), so that the other tests' lists of backends stay as they are.
     */

    /**
     * The fake backend on one simulated device (as a GPU backend has): a pipeline takes a lease
     * before each compute, so that leases can be watched passing between MPI ranks without a GPU.
     */
    public static final class FakeDevice implements BackendProvider {
        @Override public String name() { return "fake-device"; }
        @Override public int priority() { return -103; }
        @Override public Availability availability() { return Availability.yes("test"); }
        @Override public int deviceCount() { return 1; }
        @Override public ComputeBackend create(BackendOptions options) {
            if (options.device() != 0) throw new IllegalStateException("opened without a lease of device 0: device " + options.device());
            return new Fake().create(options);
        }
    }

    /** The fake backend, except on MPI rank 1 (Open MPI's OMPI_COMM_WORLD_RANK), where every compute fails. */
    public static final class FailingOnRank1 implements BackendProvider {
        @Override public String name() { return "failing-on-rank-1"; }
        @Override public int priority() { return -104; }
        @Override public Availability availability() { return Availability.yes("test"); }
        @Override public ComputeBackend create(BackendOptions options) {
            return "1".equals(System.getenv("OMPI_COMM_WORLD_RANK")) ? new Failing().create(options) : new Fake().create(options);
        }
    }

    /** The fake backend where Open MPI's rank is 0; not available elsewhere, as a GPU present on one host only. */
    public static final class OnlyOnRank0 implements BackendProvider {
        @Override public String name() { return "only-on-rank-0"; }
        @Override public int priority() { return -105; }
        @Override public Availability availability() {
            return "0".equals(System.getenv("OMPI_COMM_WORLD_RANK")) ? Availability.yes("test") : Availability.no("not rank 0");
        }
        @Override public ComputeBackend create(BackendOptions options) { return new Fake().create(options); }
    }

    /**
     * The fake backend, except on MPI rank 1, which stops its own process (SIGSTOP, as {@code kill -STOP} would) when it
     * is asked to compute: a rank that falls silent, for the progress timeout.
     */
    public static final class StoppingOnRank1 implements BackendProvider {
        @Override public String name() { return "stopping-on-rank-1"; }
        @Override public int priority() { return -106; }
        @Override public Availability availability() { return Availability.yes("test"); }
        @Override public ComputeBackend create(BackendOptions options) {
            if ("1".equals(System.getenv("OMPI_COMM_WORLD_RANK"))) {
                try {
                    new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException("cannot stop rank 1: " + e, e);
                }
            }
            return new Fake().create(options);
        }
    }
}
