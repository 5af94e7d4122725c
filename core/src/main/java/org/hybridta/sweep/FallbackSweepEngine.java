package org.hybridta.sweep;

import java.util.List;
import org.hybridta.Panel;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code auto}'s engine: the chosen engine where it has the kernels, the CPU's for the rest (logged). */
final class FallbackSweepEngine implements SweepEngine {
    private static final Logger log = LoggerFactory.getLogger(FallbackSweepEngine.class);
    private final SweepEngine primary;
    private final SweepEngine cpu;

    FallbackSweepEngine(SweepEngine primary, SweepEngine cpu) {
        this.primary = primary;
        this.cpu = cpu;
    }

    @Override public String description() { return primary.description() + ", cpu for the functions it lacks"; }

    @Override public boolean supports(Indicator indicator) { return true; }

    private SweepEngine pick(List<Indicator> specs, String what) {
        for (Indicator i : specs) {
            if (!primary.supports(i)) {
                log.info("{}: no {} kernel for {}: computing on the cpu", what, primary.description(), i.spec());
                return cpu;
            }
        }
        return primary;
    }

    @Override public SweepCube cube(Panel panel, Sweep sweep, Precision precision) {
        return pick(sweep.specs(), "sweep").cube(panel, sweep, precision);
    }

    @Override public SweepSummary reduce(Panel panel, Sweep sweep, int[] from, List<Reduction> reductions, Precision precision) {
        return pick(sweep.specs(), "sweep").reduce(panel, sweep, from, reductions, precision);
    }

    @Override public ScreenResult screen(Panel panel, Screen screen, int[] at) {
        return pick(screen.indicators(), "screen").screen(panel, screen, at);
    }

    @Override public void close() {
        try {
            primary.close();
        } finally {
            cpu.close();
        }
    }
}
