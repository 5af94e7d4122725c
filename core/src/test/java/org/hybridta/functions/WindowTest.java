package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test void theLastNValuesAreContiguousOldestFirst() {
        Window w = new Window(3);
        for (int x = 1; x <= 10; x++) {
            assertThat(w.add(x)).as("full after %d values", x).isEqualTo(x >= 3);
            int from = Math.max(1, x - 2);
            double[] expected = new double[x - from + 1];
            for (int k = 0; k < expected.length; k++) expected[k] = from + k;
            int last = w.last();
            assertThat(Arrays.copyOfRange(w.values(), last - expected.length + 1, last + 1)).as("window after %d", x).containsExactly(expected);
        }
    }
}
