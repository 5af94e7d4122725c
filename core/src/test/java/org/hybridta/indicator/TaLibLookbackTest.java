package org.hybridta.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.conformance.TaLibOracle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every output's lookback equals TA-Lib's {@code *Lookback} function, over each parameter's whole range. */
class TaLibLookbackTest {

    /** Periods from each range's lower end, typical values, and TA-Lib's upper bound. */
    private static final int[] PERIODS = {1, 2, 3, 5, 9, 14, 20, 26, 50, 200, 1000, 99_999, 100_000};

    static Stream<Indicator> specs() {
        List<Indicator> all = new ArrayList<>(BackendConformanceTest.specs());
        for (int p : PERIODS) {
            for (String name : List.of("sma", "ema", "wma", "dema", "tema", "rsi", "atr", "adx", "cci", "willr", "roc", "mom", "mfi")) {
                try {
                    all.add(Indicators.parse(name + ":" + p));
                } catch (IllegalArgumentException outOfRange) {
                    // below this indicator's minimum period
                }
            }
            for (int q : new int[] {1, 2, 3, 9, 100_000}) {
                all.add(Indicators.stoch(p, q, Math.max(1, 10 - q)));
                if (q >= 2 && p >= 2 && p < 100_000) all.add(Indicators.macd(p, p + 1, q));
                if (q >= 2 && p >= 3) all.add(Indicators.macd(2, p, q));
            }
            if (p >= 2) all.add(Indicators.bbands(p, 2));
        }
        return all.stream().distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void lookbacksEqualTaLibs(Indicator spec) {
        assertThat(spec.outputs().stream().mapToInt(Output::lookback).toArray())
                .as("lookbacks of %s's outputs %s", spec.spec(), spec.outputs())
                .containsExactly(TaLibOracle.lookbacks(spec));
    }
}
