package org.hybridta.backend;

import java.nio.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code auto} opens when it chose a backend other than the CPU: that backend computes the specs it
 * {@link ComputeBackend#supports supports}, the CPU (opened on first need) the others, each logged once.
 */
final class FallbackBackend implements ComputeBackend {
    private static final Logger log = LoggerFactory.getLogger(FallbackBackend.class);

    private final ComputeBackend primary;
    private final BackendOptions options;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private ComputeBackend cpu;

    FallbackBackend(ComputeBackend primary, BackendOptions options) {
        this.primary = primary;
        this.options = options;
    }

    @Override public String name() { return primary.name(); }

    @Override public String description() { return primary.description() + ", cpu for the specs it lacks"; }

    @Override public java.nio.ByteBuffer allocateHostBuffer(long bytes) { return primary.allocateHostBuffer(bytes); }

    @Override public IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
        List<Indicator> elsewhere = unsupported(indicators);
        if (elsewhere.isEmpty()) return primary.compute(panel, indicators);
        List<Indicator> here = new ArrayList<>(indicators);
        here.removeAll(elsewhere);
        IndicatorValues a = here.isEmpty() ? null : primary.compute(panel, here);
        IndicatorValues b = cpu().compute(panel, elsewhere);
        List<String> columns = Indicators.columns(indicators);
        double[][] data = new double[columns.size()][];
        for (int c = 0; c < data.length; c++) {
            String column = columns.get(c);
            IndicatorValues from = a != null && a.columns().contains(column) ? a : b;
            data[c] = from.data(from.columnIndex(column));
        }
        return IndicatorValues.of(panel, columns, data);
    }

    @Override public void computeInto(HostPanel panel, List<? extends Indicator> indicators, List<? extends Buffer> outputs) {
        if (unsupported(indicators).isEmpty()) primary.computeInto(panel, indicators, outputs);
        else ComputeBackend.super.computeInto(panel, indicators, outputs);
    }

    private List<Indicator> unsupported(List<? extends Indicator> indicators) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator ind : indicators) {
            if (primary.supports(ind)) continue;
            out.add(ind);
            if (logged.add(ind.spec())) log.info("backend auto: {} has no kernel for {}; computing it on the cpu", primary.name(), ind.spec());
        }
        return out;
    }

    private synchronized ComputeBackend cpu() {
        if (cpu == null) cpu = Backends.open("cpu", options);
        return cpu;
    }

    @Override public void close() {
        try {
            primary.close();
        } finally {
            synchronized (this) {
                if (cpu != null) cpu.close();
            }
        }
    }
}
