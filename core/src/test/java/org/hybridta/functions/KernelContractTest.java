package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** {@link Kernel}'s rule that an output array is never one of the inputs, checked by {@link Functions#kernel}. */
class KernelContractTest {
    @Test void anOutputThatIsAnInputIsRefusedNamingBoth() {
        Kernel mom = Functions.kernel(Indicators.parse("mom:3"));
        double[] x = {1, 2, 4, 8, 16, 32};
        double[] before = x.clone();
        assertThatThrownBy(() -> mom.compute(new double[][] {x}, 0, x.length, new double[][] {x}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mom:3: output 0 is the same array as input 0; a kernel needs an output array of its own");
        assertThat(x).as("nothing written").containsExactly(before);

        Kernel aroon = Functions.kernel(Indicators.parse("aroon:2"));
        double[] high = {3, 4, 5, 4}, low = {1, 2, 3, 2};
        assertThatThrownBy(() -> aroon.compute(new double[][] {high, low}, 0, 4, new double[][] {new double[4], low}))
                .hasMessageStartingWith("aroon:2: output 1 is the same array as input 1;");
    }

    @Test void outputsOfTheirOwnAreComputed() {
        Kernel mom = Functions.kernel(Indicators.parse("mom:3"));
        double[] x = {1, 2, 4, 8, 16, 32}, o = new double[6];
        mom.compute(new double[][] {x}, 0, x.length, new double[][] {o});
        assertThat(o).containsExactly(Double.NaN, Double.NaN, Double.NaN, 7, 14, 28);
    }
}
