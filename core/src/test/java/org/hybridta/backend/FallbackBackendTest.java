package org.hybridta.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** {@code auto}'s fallback: the chosen backend computes what it supports, the CPU the rest, columns in the asked order. */
class FallbackBackendTest {

    /** A backend that supports EMAs only (computed by a CPU backend) and records what it was asked. */
    private static final class EmaOnly implements ComputeBackend {
        final ComputeBackend cpu = Backends.open("cpu");
        final List<List<String>> asked = new ArrayList<>();

        @Override public String name() { return "emaonly"; }

        @Override public boolean supports(Indicator indicator) { return indicator.name().equals("ema"); }

        @Override public IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
            asked.add(indicators.stream().map(Indicator::spec).toList());
            for (Indicator i : indicators) if (!supports(i)) throw new IllegalArgumentException("emaonly cannot compute " + i.spec());
            return cpu.compute(panel, indicators);
        }

        @Override public void close() { cpu.close(); }
    }

    @Test void unsupportedSpecsGoToTheCpuAndColumnsKeepTheirOrder() {
        Panel panel = RandomBars.raggedPanel(3, 40, 0, 25);
        List<Indicator> specs = Indicators.parseList("rsi:5,ema:3,macd:3:5:2,ema:7");
        EmaOnly primary = new EmaOnly();
        try (ComputeBackend auto = new FallbackBackend(primary, BackendOptions.defaults()); ComputeBackend cpu = Backends.open("cpu")) {
            IndicatorValues got = auto.compute(panel, specs), expected = cpu.compute(panel, specs);
            assertThat(primary.asked).containsExactly(List.of("ema:3", "ema:7"));
            assertThat(got.columns()).isEqualTo(expected.columns());
            for (int c = 0; c < got.columns().size(); c++) assertThat(got.data(c)).isEqualTo(expected.data(c));
            assertThat(auto.name()).isEqualTo("emaonly");
        }
    }

    @Test void whenEverySpecIsSupportedOnlyThePrimaryComputes() {
        EmaOnly primary = new EmaOnly();
        try (ComputeBackend auto = new FallbackBackend(primary, BackendOptions.defaults())) {
            auto.compute(RandomBars.raggedPanel(1, 30), List.of(Indicators.ema(5)));
            assertThat(primary.asked).containsExactly(List.of("ema:5"));
        }
    }
}
