package org.hybridta.functions;

import java.util.Arrays;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.FunctionInfo;

/**
 * The home of one TA-Lib function: its metadata, lookback, batch kernel and streaming step. Subclasses are
 * final, stateless and listed in their group's registry (e.g. {@link OverlapStudies}).
 */
abstract class FunctionDef {
    private final FunctionInfo info;

    FunctionDef(Declaration declaration) {
        this.info = declaration.info();
    }

    final FunctionInfo info() { return info; }

    final String name() { return info.name(); }

    /** The number of leading bars without a value, equal to TA-Lib's {@code TA_<NAME>_Lookback}. */
    abstract int lookback(Args args);

    /**
     * Why these parameters are refused although each is within its TA-Lib range (TA-Lib C fails on them), or null.
     * The parser reports it; the tests skip such sets.
     */
    String refusal(Args args) {
        return null;
    }

    /** A new streaming state for one series. */
    abstract Step step(Args args);

    /** A new streaming state for one series under these candle settings (only the patterns read them). */
    Step step(Args args, CandleSettings settings) {
        return step(args);
    }

    /**
     * Computes one series: reads {@code in[k][off, off + len)} (one array per input field, in the order of
     * {@link FunctionInfo#inputFieldCount()}) and writes every cell of {@code out[k][off, off + len)}: {@code NaN}
     * before the lookback (all of it when the series is too short), the values after. The output arrays are the
     * caller's, reused between calls: never assume they hold zeros or NaN.
     *
     * <p>The default drives {@link #step}; override it with a loop over the same arithmetic where speed matters.
     */
    void batch(Args args, double[][] in, int off, int len, double[][] out) {
        Step step = step(args);
        double[] bar = new double[in.length], values = new double[out.length];
        for (int i = off, end = off + len; i < end; i++) {
            for (int k = 0; k < bar.length; k++) bar[k] = in[k][i];
            step.update(bar, values);
            for (int k = 0; k < values.length; k++) out[k][i] = values[k];
        }
    }

    /**
     * {@link #batch} for a function whose outputs are all integers ({@link FunctionInfo#outputs()}), into
     * {@code int[]}: {@code 0} before the lookback, the values after. The default converts {@link #batch}'s values;
     * the patterns override it with their loop, which writes ints, and derive {@link #batch} from it.
     */
    void batchInt(Args args, double[][] in, int off, int len, int[][] out) {
        double[][] series = new double[in.length][], values = new double[out.length][len];
        for (int k = 0; k < in.length; k++) series[k] = Arrays.copyOfRange(in[k], off, off + len);
        batch(args, series, 0, len, values);
        for (int k = 0; k < out.length; k++) {
            for (int i = 0; i < len; i++) out[k][off + i] = Double.isNaN(values[k][i]) ? 0 : (int) values[k][i];
        }
    }

    /**
     * Fills {@code out[k][off, off + min(lookback, len))} with NaN and says whether any bar remains to compute:
     * the first line of most batch kernels.
     */
    static boolean warmUp(double[][] out, int off, int len, int lookback) {
        for (double[] o : out) Arrays.fill(o, off, off + Math.min(lookback, len), Double.NaN);
        return len > lookback;
    }

    /** {@link #warmUp(double[][], int, int, int)} for {@code int[]} outputs, which TA-Lib fills with 0 there. */
    static boolean warmUp(int[][] out, int off, int len, int lookback) {
        for (int[] o : out) Arrays.fill(o, off, off + Math.min(lookback, len), 0);
        return len > lookback;
    }

    /** TA-Lib 0.6's {@code TA_EPSILON}: {@code TA_IS_ZERO(v)} is {@code |v| < EPSILON}, {@code TA_IS_ZERO_OR_NEG(v)} is {@code v < EPSILON}. */
    static final double EPSILON = 0.00000000000001;

    /** TA-Lib's {@code TA_IS_ZERO}. */
    static boolean isZero(double v) {
        return -EPSILON < v && v < EPSILON;
    }

    /** The step of a one-input, one-output function. */
    static Step unary(RealStep s) {
        return (in, out) -> out[0] = s.next(in[0]);
    }

    @Override public String toString() { return info.name(); }
}
