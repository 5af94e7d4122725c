package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's least-squares line through the last {@code timeperiod} values, the home of its five functions, which
 * differ only in what they read off the line ({@link Reading}). TA-Lib 0.6 sums each window afresh (O(period) a bar;
 * the x of a value is its distance back from the latest bar), and so does this, in the same order ({@link Window}
 * gives the step the array's layout).
 *
 * <p>A period above {@value #MAX_PERIOD} is refused: TA-Lib computes {@code p(p-1)(2p-1)/6} in a 32-bit {@code int},
 * which overflows there (undefined behaviour in C: the gcc -O3 reference build stays right up to 1290 and returns
 * meaningless values above).
 */
abstract class LinearRegFunction extends FunctionDef {
    /** The longest period whose sums TA-Lib computes without overflow. */
    static final int MAX_PERIOD = 1024;

    /** What a function reads off the line, and whether that is on the input's scale (TA-Lib's overlap flag). */
    enum Reading {
        /** LINEARREG: the line at the latest bar. */
        VALUE(true),
        /** TSF: the line one bar past the latest. */
        FORECAST(true),
        /** LINEARREG_SLOPE: the slope per bar. */
        SLOPE(false),
        /** LINEARREG_INTERCEPT: the line at the window's first bar. */
        INTERCEPT(true),
        /** LINEARREG_ANGLE: the slope's angle in degrees. */
        ANGLE(false);

        final boolean overlap;

        Reading(boolean overlap) { this.overlap = overlap; }
    }

    private final Reading reading;

    LinearRegFunction(String name, String description, Reading reading) {
        super(declaration(name, description, reading)
                .inputReal()
                .paramPeriod(14, 2)
                .output("real"));
        this.reading = reading;
    }

    private static Declaration declaration(String name, String description, Reading reading) {
        Declaration d = function(name, Group.STATISTIC_FUNCTIONS, description);
        return reading.overlap ? d.overlap() : d;
    }

    @Override final String refusal(Args a) {
        return a.integer(0) > MAX_PERIOD
                ? "timeperiod " + a.integer(0) + " is above " + MAX_PERIOD + ", where TA-Lib's sum of squares overflows a 32-bit integer"
                : null;
    }

    @Override final int lookback(Args a) { return a.integer(0) - 1; }

    @Override final Step step(Args a) {
        Line line = new Line(reading, a.integer(0));
        Window window = new Window(line.period);
        return unary(x -> window.add(x) ? line.at(window.values(), window.last()) : Double.NaN);
    }

    @Override final void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Line line = new Line(reading, a.integer(0));
        if (!warmUp(out, off, len, line.period - 1)) return;
        double[] x = in[0], o = out[0];
        int p = line.period, t = off + p - 1, end = off + len;
        // four windows at a time: each keeps TA-Lib's order of additions, but the four chains of dependent
        // additions overlap in the processor where one window's chain alone waits on every add's latency
        for (; t + 3 < end; t += 4) {
            double y0 = 0, y1 = 0, y2 = 0, y3 = 0, xy0 = 0, xy1 = 0, xy2 = 0, xy3 = 0;
            double distance = p - 1;
            for (int j = t - p + 1, last = t; j <= last; j++, distance -= 1.0) {
                double a0 = x[j], a1 = x[j + 1], a2 = x[j + 2], a3 = x[j + 3];
                y0 += a0;
                xy0 += distance * a0;
                y1 += a1;
                xy1 += distance * a1;
                y2 += a2;
                xy2 += distance * a2;
                y3 += a3;
                xy3 += distance * a3;
            }
            o[t] = line.reading(y0, xy0);
            o[t + 1] = line.reading(y1, xy1);
            o[t + 2] = line.reading(y2, xy2);
            o[t + 3] = line.reading(y3, xy3);
        }
        for (; t < end; t++) o[t] = line.at(x, t);
    }

    /** The fit over one period: TA-Lib's constant sums of x, and the reading. */
    private static final class Line {
        private final Reading reading;
        private final int period;
        private final double sumX, divisor;

        Line(Reading reading, int period) {
            this.reading = reading;
            this.period = period;
            this.sumX = period * (period - 1) * 0.5;
            double sumXSqr = period * (period - 1) * (2 * period - 1) / 6;  // in int arithmetic, as TA-Lib
            this.divisor = sumX * sumX - period * sumXSqr;
        }

        /** The reading of the line through {@code x[last - period + 1 .. last]}. */
        double at(double[] x, int last) {
            double sumXY = 0, sumY = 0;
            double distance = period - 1;                   // TA-Lib's x of a value: bars back from the latest
            for (int j = last - period + 1; j <= last; j++) {
                double y = x[j];
                sumY += y;
                sumXY += distance * y;
                distance -= 1.0;                            // exact: whole numbers
            }
            return reading(sumY, sumXY);
        }

        /** The reading of the line whose sums of y and of x times y are these. */
        double reading(double sumY, double sumXY) {
            double m = (period * sumXY - sumX * sumY) / divisor;
            double b = (sumY - m * sumX) / (double) period;
            return switch (reading) {
                case VALUE -> b + m * (double) (period - 1);
                case FORECAST -> b + m * (double) period;
                case SLOPE -> m;
                case INTERCEPT -> b;
                case ANGLE -> Atan.atan(m) * (180.0 / Math.PI);
            };
        }
    }
}
