package org.hybridta.functions;

/**
 * The CPU batch kernel of an {@link org.hybridta.indicator.Indicator} whose outputs are all integers (TA-Lib's
 * {@code outInteger}: the 61 candlestick patterns, HT_TRENDMODE, MININDEX, MAXINDEX, MINMAXINDEX), its parameters
 * bound, writing {@code int[]} as TA-Lib does: the form to call where the signals stay integers (the patterns'
 * loops write ints; {@link Kernel} converts them to doubles). Stateless and safe for concurrent use.
 */
public interface IntKernel {
    /**
     * Computes one series: reads {@code in[k][off, off + len)}, one array per input field in the order of
     * {@link org.hybridta.indicator.Indicator#inputFields()}, and writes every cell of {@code out[k][off, off + len)},
     * one array per output: {@code 0} before the lookback (where {@link Kernel} writes {@code NaN}; the lookback is
     * {@link org.hybridta.indicator.Indicator#lookback()}), TA-Lib's integers after. The arrays are the caller's and
     * may be reused between calls.
     */
    void compute(double[][] in, int off, int len, int[][] out);
}
