package org.hybridta.stream;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.conformance.RandomBars;
import org.hybridta.functions.Functions;
import org.hybridta.indicator.Indicator;

/** The conformance series the stream tests run on, and the batch values they are compared with. */
final class StreamSeries {
    private StreamSeries() {}

    /** Random walks at prices near 100, 1e-7 and 1e6, and a series with flat stretches. */
    static List<BarSeries> conformance(long seed, int n) {
        List<BarSeries> out = new ArrayList<>();
        out.add(RandomBars.randomWalk("WALK", seed, n));
        out.add(scaled(RandomBars.randomWalk("TINY", seed + 1, n), 1e-7));
        out.add(scaled(RandomBars.randomWalk("HUGE", seed + 2, n), 1e6));
        out.add(RandomBars.flatStretches("FLAT", seed + 3, n));
        return out;
    }

    /** The series with every price times {@code scale} (volumes as they are). */
    static BarSeries scaled(BarSeries s, double scale) {
        double[] o = s.open(), h = s.high(), l = s.low(), c = s.close();
        for (int i = 0; i < o.length; i++) {
            o[i] *= scale;
            h[i] *= scale;
            l[i] *= scale;
            c[i] *= scale;
        }
        return BarSeries.of(s.symbol(), s.epochDays(), o, h, l, c, null, s.volume());
    }

    /** The batch values of the indicators over the whole series: {@code [column][bar]}, columns as a stream's. */
    static double[][] batch(List<Indicator> indicators, BarSeries s) {
        List<double[]> columns = new ArrayList<>();
        int n = s.size();
        for (Indicator i : indicators) {
            double[][] in = new double[i.inputFields().size()][];
            for (int k = 0; k < in.length; k++) in[k] = s.values(i.inputFields().get(k));
            double[][] out = new double[i.outputs().size()][n];
            Functions.kernel(i).compute(in, 0, n, out);
            columns.addAll(List.of(out));
        }
        return columns.toArray(double[][]::new);
    }

    /** Bar {@code t} of a series. */
    static Bar bar(BarSeries s, int t) {
        return new Bar(s.get(Field.OPEN, t), s.get(Field.HIGH, t), s.get(Field.LOW, t), s.get(Field.CLOSE, t), s.get(Field.ADJ_CLOSE, t), s.get(Field.VOLUME, t));
    }

    /** Whether two values are the same bits (any NaN equals any NaN). */
    static boolean same(double a, double b) {
        return Double.isNaN(a) && Double.isNaN(b) || Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }
}
