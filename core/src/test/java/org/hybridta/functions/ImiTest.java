package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.conformance.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * IMI's running window sums ({@link Imi.State}) against TA-Lib C, which sums each window afresh: windows whose bars
 * all close at their open after runs of up or down bars of very different sizes (TA-Lib's 0 / 0, NaN, where a
 * running sum would keep a rounding residue), windows with a few tiny moves, and NaN and infinite prices, which
 * TA-Lib carries for one window and then forgets.
 */
@ExtendWith(TaLibCLoaded.class)
class ImiTest {

    @Test void matchesTaLibOnFlatWindowsTinyMovesAndGaps() {
        FunctionDef imi = Catalog.find("imi").orElseThrow();
        Random r = new Random(11);
        int n = 5_000;
        double[] open = new double[n], close = new double[n];
        double price = 100;
        for (int i = 0; i < n; i++) {
            int kind = (i / 40) % 4;                       // stretches of 40 bars
            open[i] = price;
            price = switch (kind) {
                // runs of up (down) bars with jumps of a factor 1000, whose terms of very different magnitudes make a
                // running sum round, so that it keeps a residue when they have left the window
                case 0 -> price * (r.nextInt(8) == 0 ? 1000 : Math.exp(0.02 * Math.abs(r.nextGaussian())));
                case 1 -> price;                                           // close == open
                case 2 -> r.nextInt(10) == 0 ? price + 1e-9 * price * r.nextGaussian() : price;   // rare tiny moves
                default -> price / (r.nextInt(8) == 0 ? 1000 : Math.exp(0.02 * Math.abs(r.nextGaussian())));   // some NaN
            };
            close[i] = price;
            if (kind == 3 && r.nextInt(15) == 0) (r.nextBoolean() ? open : close)[i] = Double.NaN;
            if (kind == 0 && r.nextInt(40) == 0) close[i] = Double.POSITIVE_INFINITY;
        }
        for (int period : new int[] {2, 5, 14, 39}) {
            double[][] in = {open, close};
            double[] expected = TaLibC.call("imi", in, period).values(0);
            double[][] out = new double[1][n];
            imi.batch(Args.of(period), in, 0, n, out);
            double scale = Tolerance.maxMagnitude(expected);
            int nans = 0;
            for (int i = 0; i < n; i++) {
                if (i >= period - 1 && Double.isNaN(expected[i])) nans++;
                assertThat(Tolerance.TA_LIB.accepts(expected[i], out[0][i], scale))
                        .as("imi %d bar %d: expected %s, got %s", period, i, expected[i], out[0][i]).isTrue();
            }
            assertThat(nans).as("imi %d: bars where TA-Lib gives NaN after the lookback", period).isPositive();
        }
    }
}
