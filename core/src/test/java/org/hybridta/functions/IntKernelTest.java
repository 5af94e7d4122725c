package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.conformance.CandleBars;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.ValueType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link Functions#intKernel} of every function with integer outputs (the patterns, HT_TRENDMODE and the index
 * functions) on {@link CandleBars}: at every bar TA-Lib C's {@code outInteger} (0 where TA-Lib gives none) and the
 * double kernel's value (0 where that is NaN), at lengths 1, lookback, lookback + 1 and 5,000 and with TA-Lib's
 * parameters and others, into arrays that hold other values and at an offset, whose cells outside the range stay.
 */
@ExtendWith(TaLibCLoaded.class)
class IntKernelTest {
    private static final int N = 5000, OFF = 3, JUNK = 0x5a5a5a5a;
    private static final BarSeries BARS = CandleBars.of("I", 11, N);

    @TestFactory Stream<DynamicTest> equalsTaLibAndTheDoubleKernel() {
        return integerFunctions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            double[][] all = Cases.input(f, "candle bars", BARS, 1).arrays();
            for (Args args : Cases.params(f, 17, 2, 60).stream().distinct().toList()) {
                Indicator spec = Indicators.of(f.name(), args.values());
                for (int n : new LinkedHashSet<>(List.of(1, Math.max(1, spec.lookback()), spec.lookback() + 1, N))) {
                    check(f, spec, prefix(all, n));
                }
            }
        }));
    }

    private static void check(FunctionDef f, Indicator spec, double[][] in) {
        int n = in[0].length, outputs = f.info().outputs().size();
        String what = spec.spec() + " on " + n + " candle bars";
        int[][] expected = new int[outputs][];
        var reference = TaLibC.call(f.name(), in, spec.params());
        for (int k = 0; k < outputs; k++) expected[k] = reference.integers(k);

        double[][] shifted = new double[in.length][];
        for (int k = 0; k < in.length; k++) {
            shifted[k] = new double[OFF + n + 2];
            Arrays.fill(shifted[k], Double.NaN);     // bars outside the range must not be read
            System.arraycopy(in[k], 0, shifted[k], OFF, n);
        }
        int[][] ints = new int[outputs][OFF + n + 2];
        for (int[] o : ints) Arrays.fill(o, JUNK);
        Functions.intKernel(spec).compute(shifted, OFF, n, ints);
        double[][] doubles = new double[outputs][n];
        for (double[] o : doubles) Arrays.fill(o, 1e300);
        Functions.kernel(spec).compute(in, 0, n, doubles);

        for (int k = 0; k < outputs; k++) {
            int[] got = ints[k];
            assertThat(Arrays.copyOfRange(got, OFF, OFF + n)).as("%s output %d against TA-Lib C", what, k).isEqualTo(expected[k]);
            for (int i : new int[] {0, 1, 2, OFF + n, OFF + n + 1}) {
                assertThat(got[i]).as("%s output %d: cell %d outside the range", what, k, i).isEqualTo(JUNK);
            }
            for (int i = 0; i < n; i++) {
                double d = doubles[k][i];
                assertThat(got[OFF + i]).as("%s output %d bar %d against the double kernel's %s", what, k, i, d)
                        .isEqualTo(Double.isNaN(d) ? 0 : (int) d);
                if (Double.isNaN(d)) assertThat(i).as("%s: NaN after the lookback", what).isLessThan(spec.lookback());
                else assertThat(d).as("%s output %d bar %d is whole", what, k, i).isEqualTo(Math.rint(d));
            }
        }
    }

    @Test void refusesRealOutputs() {
        assertThatThrownBy(() -> Functions.intKernel(Indicators.macd(12, 26, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("macd").hasMessageContaining("real");
    }

    @Test void coversThePatternsAndTheOtherIntegerFunctions() {
        List<String> names = integerFunctions().stream().map(FunctionDef::name).toList();
        assertThat(names).filteredOn(s -> s.startsWith("cdl")).hasSize(61);
        assertThat(names).contains("ht_trendmode", "minindex", "maxindex", "minmaxindex");
    }

    private static List<FunctionDef> integerFunctions() {
        List<FunctionDef> out = new ArrayList<>();
        for (FunctionDef f : Catalog.all()) {
            if (f.info().outputs().stream().allMatch(o -> o.type() == ValueType.INTEGER)) out.add(f);
        }
        return out;
    }

    private static double[][] prefix(double[][] in, int n) {
        double[][] a = new double[in.length][];
        for (int k = 0; k < a.length; k++) a[k] = Arrays.copyOf(in[k], n);
        return a;
    }
}
