package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hybridta.BarSeries;
import org.hybridta.conformance.RandomBars;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.indicator.MaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the catalog-wide tests do not reach in the overlap studies: MAVP over periods that change from bar to bar
 * (and the C conversion of odd period values), the group's functions over series with gaps (NaN), and the parameter
 * sets refused because TA-Lib misaligns its output there.
 */
@ExtendWith(TaLibCLoaded.class)
class OverlapStudiesTest {

    private static FunctionDef function(String name) {
        return Catalog.find(name).orElseThrow();
    }

    /** Compares with TA-Lib and checks step == batch; collects the mismatches. */
    private static void check(FunctionDef f, Args args, Cases.Input input, List<String> failures) {
        CatalogConformanceTest.compare(f, args, input, failures);
        double[][] batch = StreamTest.batch(f, args, input.arrays(), new Random(1));
        double[][] stream = StreamTest.stream(f, args, input.arrays());
        for (int k = 0; k < batch.length; k++) {
            int bar = StreamTest.firstDifference(batch[k], stream[k]);
            if (bar >= 0) failures.add(f.name() + " " + args + " " + input + ": the step differs from the batch at bar " + bar);
        }
    }

    @Test void mavpTakesEachBarsPeriod() {
        FunctionDef mavp = function("mavp");
        Random r = new Random(11);
        double[] close = RandomBars.randomWalk("S", 3, 1000).close();
        double[] periods = new double[close.length];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = switch (r.nextInt(20)) {
                case 0 -> Double.NaN;                        // C's (int) gives INT_MIN: the minimum
                case 1 -> 1e12;                              // beyond int: INT_MIN in C too, not the maximum
                case 2 -> -1e12;
                case 3 -> 7.9;                               // truncated to 7
                case 4 -> -0.5;
                default -> r.nextInt(45);
            };
        }
        Cases.Input input = new Cases.Input("random periods", new double[][] {close, periods});
        List<String> failures = new ArrayList<>();
        for (MaType type : MovingAverage.PORTED) {
            for (int[] range : new int[][] {{2, 30}, {5, 5}, {3, 40}, {2, 2}}) {
                check(mavp, Args.of(range[0], range[1], type.ordinal()), input, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test void gapsFlowAsInTaLib() {
        BarSeries bars = RandomBars.randomWalk("S", 5, 600);
        Random r = new Random(5);
        List<String> failures = new ArrayList<>();
        for (FunctionDef f : Catalog.all()) {
            if (f.info().group() != org.hybridta.indicator.Group.OVERLAP_STUDIES) continue;
            Cases.Input input = Cases.input(f, "gaps", bars, 1);
            double[][] arrays = input.arrays();
            // single NaNs and a run of them, in every input, late enough for most lookbacks to have passed
            for (double[] a : arrays) {
                for (int k = 0; k < 6; k++) a[100 + r.nextInt(400)] = Double.NaN;
                for (int i = 520; i < 527; i++) a[i] = Double.NaN;
            }
            for (Args args : List.of(Cases.defaults(f), Cases.random(f, r), Cases.random(f, r))) {
                if (f.refusal(args) == null) check(f, args, input, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test void bbandsRefusesMamaOverMoreThan33Bars() {
        FunctionDef bbands = function("bbands");
        Args refused = Args.of(34, 2, 2, MaType.MAMA.ordinal());
        assertThat(bbands.refusal(refused)).contains("timeperiod", "mama");
        assertThat(bbands.refusal(Args.of(33, 2, 2, MaType.MAMA.ordinal()))).isNull();
        assertThat(bbands.refusal(Args.of(34, 2, 2, MaType.SMA.ordinal()))).isNull();
        assertThatThrownBy(() -> bbands.step(refused)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bbands: ");
        // TA-Lib's own output there starts at bar period - 1, not at its lookback
        double[] close = RandomBars.randomWalk("S", 1, 200).close();
        assertThat(TaLibC.call("BBANDS", new double[][] {close}, refused.values()).begIdx()).isEqualTo(33)
                .isNotEqualTo(TaLibC.lookback("BBANDS", refused.values()));
    }

    @Test void mavpRefusesAMinimumAboveTheMaximum() {
        FunctionDef mavp = function("mavp");
        Args refused = Args.of(10, 5, MaType.SMA.ordinal());
        assertThat(mavp.refusal(refused)).contains("minperiod", "maxperiod");
        assertThat(mavp.refusal(Args.of(5, 5, MaType.SMA.ordinal()))).isNull();
        double[][] in = {new double[10], new double[10]}, out = {new double[10]};
        assertThatThrownBy(() -> mavp.batch(refused, in, 0, 10, out)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mavp: ");
    }

    @Test void weightSumsThatOverflowInTaLibAreRefused() {
        double[] close = RandomBars.randomWalk("S", 1, 92_700).close();
        for (String name : List.of("wma", "trima")) {
            int max = name.equals("wma") ? 46_340 : 92_680;
            FunctionDef f = function(name);
            assertThat(f.refusal(Args.of(max))).isNull();
            assertThat(f.refusal(Args.of(max + 1))).contains("timeperiod", name);
            // TA-Lib's average of positive prices there is negative
            double[] talib = TaLibC.call(name, new double[][] {close}, max + 1).values(0);
            assertThat(talib[close.length - 1]).isNegative();
            int type = MaType.valueOf(name.toUpperCase(java.util.Locale.ROOT)).ordinal();
            assertThat(function("ma").refusal(Args.of(max + 1, type))).contains("timeperiod");
            assertThat(function("mavp").refusal(Args.of(2, max + 1, type))).contains("maxperiod");
            assertThat(function("bbands").refusal(Args.of(max + 1, 2, 2, type))).contains("timeperiod");
        }
    }
}
