package org.hybridta.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.hybridta.Field;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a {@link SweepEngine}: the engine of the compute backend chosen by the backends' rule ({@link Backends#choose}:
 * the name given, else {@value Backends#PROPERTY}, else {@value Backends#ENVIRONMENT}, else the available backend of
 * highest priority). With {@code auto}, a sweep or screen that the chosen engine lacks kernels for runs on the CPU's
 * (logged); an engine named explicitly refuses it, naming the specs.
 *
 * <pre>{@code
 * try (SweepEngine engine = Sweeps.open("auto")) {
 *     SweepSummary s = engine.reduce(panel, Sweep.parse("ema:2..201"), from, List.of(Reduction.LAST, Reduction.CROSS), Precision.DOUBLE);
 *     ScreenResult r = engine.screen(panel, Screen.parse("rsi:14 < 30 and close > sma:200"), Sweeps.lastBars(panel));
 * }
 * }</pre>
 */
public final class Sweeps {
    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private Sweeps() {}

    /** {@link #open(String, BackendOptions)} with default options. */
    public static SweepEngine open(String backend) {
        return open(backend, BackendOptions.defaults());
    }

    /**
     * Opens the engine of the backend {@code backend} ({@code cpu}, {@code cuda}, {@code auto} or null).
     *
     * @throws org.hybridta.backend.BackendUnavailableException as {@link Backends#open} does
     */
    public static SweepEngine open(String backend, BackendOptions options) {
        Objects.requireNonNull(options, "options");
        BackendProvider chosen = Backends.choose(backend);
        boolean auto = backend == null || backend.isBlank() || backend.strip().equalsIgnoreCase(Backends.AUTO);
        SweepEngineProvider provider = null;
        for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class, Sweeps.class.getClassLoader())) {
            if (p.name().equals(chosen.name())) provider = p;
        }
        if (provider == null || provider.name().equals(CpuSweepEngineProvider.NAME)) {
            if (provider == null) log.info("backend {} has no sweep engine: sweeping on the cpu", chosen.name());
            return new CpuSweepEngine(options.effectiveThreads());
        }
        SweepEngine engine = provider.create(options);
        return auto ? new FallbackSweepEngine(engine, new CpuSweepEngine(options.effectiveThreads())) : engine;
    }

    /** The last bar of every series ({@code -1} for an empty one): where {@link SweepEngine#screen} looks by default. */
    public static int[] lastBars(Panel panel) {
        int[] at = new int[panel.seriesCount()];
        for (int s = 0; s < at.length; s++) at[s] = panel.length(s) - 1;
        return at;
    }

    /** Checks a reduction request: one first bar per series, within it; one level per kind; close present for {@code cross}. */
    public static void checkReduce(Panel panel, int[] from, List<Reduction> reductions) {
        Objects.requireNonNull(from, "from");
        if (reductions.isEmpty()) throw new IllegalArgumentException("no reductions asked for");
        if (from.length != panel.seriesCount()) throw new IllegalArgumentException(from.length + " first bars for " + panel.seriesCount() + " series");
        for (int s = 0; s < from.length; s++) {
            if (from[s] < 0 || from[s] > panel.length(s)) {
                throw new IllegalArgumentException(panel.symbol(s) + ": first bar " + from[s] + " outside [0, " + panel.length(s) + "]");
            }
        }
        Reduction.checkLevels(new ArrayList<>(reductions));
        if (reductions.contains(Reduction.CROSS) && !panel.has(Field.CLOSE)) {
            throw new IllegalArgumentException("reduction cross compares with the close, which the panel lacks");
        }
    }

    /** Checks a screen request: the fields it reads, one bar per series within it. */
    public static void checkScreen(Panel panel, Screen screen, int[] at) {
        Objects.requireNonNull(at, "at");
        if (at.length != panel.seriesCount()) throw new IllegalArgumentException(at.length + " bars for " + panel.seriesCount() + " series");
        for (int s = 0; s < at.length; s++) {
            if (at[s] < -1 || at[s] >= Math.max(1, panel.length(s)) || (at[s] >= 0 && panel.length(s) == 0)) {
                throw new IllegalArgumentException(panel.symbol(s) + ": bar " + at[s] + " outside [-1, " + panel.length(s) + ")");
            }
        }
        if (!screen.indicators().isEmpty()) ComputeRequests.check(panel.fields(), screen.indicators());
        for (Screen.Operand o : screen.operands()) {
            if (o.field() != null && !panel.has(o.field())) throw new IllegalArgumentException("the panel has no " + o.name() + " values");
        }
    }
}
