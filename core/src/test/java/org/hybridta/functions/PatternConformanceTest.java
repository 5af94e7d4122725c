package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.conformance.CandleBars;
import org.hybridta.conformance.CandleSettingSets;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.CandleSettings.Rule;
import org.hybridta.indicator.CandleSettings.Setting;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The candlestick patterns against TA-Lib C on series that contain them ({@link CandleBars}; the random walks of
 * {@link CatalogConformanceTest} rarely do): every pattern fires, and its batch and its streaming step equal
 * TA-Lib's signal at every bar, at lengths 1, lookback, lookback + 1, 1,000 and 100,000, at TA-Lib's default
 * candle settings and at three other sets of settings (changed in TA-Lib and in {@link CandleSettings} alike),
 * with default and other penetrations.
 */
@ExtendWith(TaLibCLoaded.class)
class PatternConformanceTest {
    private static final int LONG = 100_000;
    private static final BarSeries BARS = CandleBars.of("P", 42, LONG);

    static final CandleSettings OTHER = CandleSettingSets.OTHER;
    static final CandleSettings OWN_CANDLE = CandleSettingSets.OWN_CANDLE;
    static final CandleSettings LONG_AVERAGES = CandleSettingSets.LONG_AVERAGES;

    @TestFactory Stream<DynamicTest> everyPatternFiresAndIsTaLibsAtTheDefaults() {
        return patterns().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            List<String> failures = new ArrayList<>();
            check(f, failures);
            Cases.Input all = Cases.input(f, "candle bars", BARS, 1);
            for (double scale : new double[] {1e-4, 1e6}) {
                for (Args args : params(f)) CatalogConformanceTest.compare(f, args, prefix(Cases.input(f, "candle bars x" + scale, BARS, scale), 1000), failures);
            }
            report(f, failures);
            double[][] out = new double[1][LONG];
            f.batch(Cases.defaults(f), all.arrays(), 0, LONG, out);
            assertThat(fires(out[0])).as("%s: bars where it fires in %d candle bars at the defaults", f.name(), LONG).isPositive();
        }));
    }

    @TestFactory @ResourceLock(TaLibC.SETTINGS) Stream<DynamicTest> otherCandleSettings() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] names = {"other settings", "own candle", "long averages"};
        CandleSettings[] settings = {OTHER, OWN_CANDLE, LONG_AVERAGES};
        for (int k = 0; k < settings.length; k++) {
            CandleSettings s = settings[k];
            for (FunctionDef f : patterns()) {
                tests.add(DynamicTest.dynamicTest(names[k] + ": " + f.name(), () -> {
                    List<String> failures = new ArrayList<>();
                    use(s);
                    try {
                        assertThat(f.lookback(Cases.defaults(f))).as("%s lookback under %s", f.name(), s)
                                .isEqualTo(Reference.lookback(f, Cases.defaults(f)));
                        check(f, failures);
                        if (s != OWN_CANDLE) {
                            double[][] out = new double[1][LONG];
                            f.batch(Cases.defaults(f), Cases.input(f, "candle bars", BARS, 1).arrays(), 0, LONG, out);
                            assertThat(fires(out[0])).as("%s: bars where it fires in %d candle bars under %s", f.name(), LONG, s).isPositive();
                        }
                    } finally {
                        use(CandleSettings.defaults());
                    }
                    report(f, failures);
                }));
            }
        }
        return tests.stream();
    }

    /** Batch against TA-Lib at every length and penetration, and the streaming step on 1,000 bars. */
    private static void check(FunctionDef f, List<String> failures) {
        Cases.Input all = Cases.input(f, "candle bars", BARS, 1);
        for (Args args : params(f)) {
            int lookback = f.lookback(args);
            for (int n : new LinkedHashSet<>(List.of(1, Math.max(1, lookback), lookback + 1, 1000, LONG))) {
                CatalogConformanceTest.compare(f, args, prefix(all, n), failures);
            }
            double[][] in = prefix(all, 1000).arrays();
            double[] expected = Reference.compute(f, args, in)[0], streamed = StreamTest.stream(f, args, in)[0];
            int bar = StreamTest.firstDifference(expected, streamed);
            if (bar >= 0) failures.add(f.name() + " " + args + " step on 1000 candle bars, bar " + bar + ": expected " + expected[bar] + ", got " + streamed[bar]);
        }
    }

    private static void report(FunctionDef f, List<String> failures) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " mismatches of " + f.name() + " against TA-Lib, the first:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    /** Sets the candle settings in TA-Lib and in HybridTA. */
    static void use(CandleSettings s) {
        for (Setting setting : Setting.values()) {
            Rule r = s.rule(setting);
            TaLibC.setCandleSetting(TaLibC.CandleSetting.valueOf(setting.name()), TaLibC.CandleRange.valueOf(r.range().name()), r.avgPeriod(), r.factor());
        }
        CandleSettings.use(s);
    }

    /** The patterns under test ({@code -Dhybridta.function} may name some). */
    static List<FunctionDef> patterns() {
        return Cases.functions().stream().filter(f -> f instanceof Pattern).toList();
    }

    /** The defaults, and for a penetration also 0, its maximum and two random values. */
    private static List<Args> params(FunctionDef f) {
        return Cases.params(f, 31, 2, 400).stream().distinct().toList();
    }

    private static Cases.Input prefix(Cases.Input in, int n) {
        double[][] a = new double[in.arrays().length][];
        for (int k = 0; k < a.length; k++) a[k] = Arrays.copyOf(in.arrays()[k], n);
        return new Cases.Input(in.name(), a);
    }

    static int fires(double[] signal) {
        int n = 0;
        for (double v : signal) if (v != 0 && !Double.isNaN(v)) n++;
        return n;
    }
}
