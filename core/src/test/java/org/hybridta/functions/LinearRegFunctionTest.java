package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The linear-regression functions' refusal of periods where TA-Lib's integer sums overflow, and a straight line. */
@ExtendWith(TaLibCLoaded.class)
class LinearRegFunctionTest {
    private static final List<LinearRegFunction> ALL =
            List.of(new LinearReg(), new LinearRegAngle(), new LinearRegIntercept(), new LinearRegSlope(), new Tsf());

    @Test void periodsAboveTheOverflowAreRefusedNamingTheParameter() {
        for (LinearRegFunction f : ALL) {
            assertThat(f.refusal(Args.of(LinearRegFunction.MAX_PERIOD))).as(f.name()).isNull();
            assertThat(f.refusal(Args.of(LinearRegFunction.MAX_PERIOD + 1))).as(f.name())
                    .startsWith("timeperiod " + (LinearRegFunction.MAX_PERIOD + 1) + " ").contains("overflow");
        }
    }

    /** Past the overflow TA-Lib's slope of a straight line is wrong: the reason for the refusal. */
    @Test void taLibIsWrongPastTheOverflowAndRightAtTheLimit() {
        int n = 3000;
        double[] line = new double[n];
        for (int t = 0; t < n; t++) line[t] = 100 + 0.5 * t;
        assertThat(TaLibC.call("LINEARREG_SLOPE", new double[][] {line}, 2000).values(0)[n - 1]).isNotCloseTo(0.5, within(0.01));
        double[][] ours = new double[1][n];
        new LinearRegSlope().batch(Args.of(LinearRegFunction.MAX_PERIOD), new double[][] {line}, 0, n, ours);
        assertThat(ours[0][n - 1]).isCloseTo(0.5, within(1e-12));
        assertThat(TaLibC.call("LINEARREG_SLOPE", new double[][] {line}, LinearRegFunction.MAX_PERIOD).values(0)[n - 1])
                .isCloseTo(0.5, within(1e-12));
    }
}
