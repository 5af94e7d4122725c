package org.hybridta.cuda;

import java.util.SplittableRandom;
import org.hybridta.Field;
import org.hybridta.Panel;

/**
 * Fresh random OHLCV panels: random walks with flat stretches (zero changes and zero ranges; on series of 2,000 bars
 * or more, for one in three, one of 600 to 4,600 bars) and ragged lengths.
 */
final class RandomPanels {
    private RandomPanels() {}

    /**
     * @param ragged whether series lengths vary (some shorter than any lookback, some empty); otherwise all are full
     */
    static Panel of(long seed, int series, int bars, boolean ragged) {
        return of(seed, series, bars, ragged, true);
    }

    /** @param longFlats whether series of 2,000 bars or more may have a flat stretch longer than any halo */
    static Panel of(long seed, int series, int bars, boolean ragged, boolean longFlats) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cells = series * bars;
        double[] o = new double[cells], h = new double[cells], l = new double[cells], c = new double[cells], v = new double[cells];
        int[] lengths = new int[series];
        for (int s = 0; s < series; s++) {
            int len = bars;
            if (ragged && bars > 0) {
                int pick = rnd.nextInt(10);
                len = pick == 0 ? 0 : pick == 1 ? rnd.nextInt(Math.min(bars, 30) + 1) : bars - rnd.nextInt(Math.max(1, bars / 3));
            }
            lengths[s] = len;
            double price = 20 + 200 * rnd.nextDouble();
            int flat = 0;
            // on long series, for one in three, a stretch of unchanged prices longer than any segment's halo
            // (as a walk stuck at a price floor makes): recursive states only decay there, their outputs do not
            int longFrom = -1, longTo = -1;
            if (bars >= 2_000 && rnd.nextInt(3) == 0 && longFlats) {
                longFrom = rnd.nextInt(bars);
                longTo = longFrom + 600 + rnd.nextInt(Math.min(4_000, bars / 3));
            }
            for (int t = 0; t < bars; t++) {
                int i = s * bars + t;
                if (t >= len) {
                    o[i] = h[i] = l[i] = c[i] = v[i] = Double.NaN;
                    continue;
                }
                if (flat == 0 && rnd.nextInt(40) == 0) flat = 1 + rnd.nextInt(25);
                if (t == longFrom) flat = longTo - longFrom;
                double open = price;
                if (flat > 0) {
                    flat--;  // no change, no range: exercises the zero-division branches
                    o[i] = h[i] = l[i] = c[i] = price;
                    v[i] = rnd.nextInt(3) == 0 ? 0 : Math.rint(1000 + 1e6 * rnd.nextDouble());
                    continue;
                }
                price = Math.max(0.5, price * (1 + 0.02 * rnd.nextGaussian()));
                o[i] = open;
                c[i] = price;
                h[i] = Math.max(open, price) * (1 + 0.01 * rnd.nextDouble());
                l[i] = Math.min(open, price) * (1 - 0.01 * rnd.nextDouble());
                v[i] = Math.rint(1000 + 1e6 * rnd.nextDouble());
            }
        }
        return Panel.builder(series, bars).lengths(lengths).field(Field.OPEN, o).field(Field.HIGH, h).field(Field.LOW, l)
                .field(Field.CLOSE, c).field(Field.VOLUME, v).build();
    }
}
