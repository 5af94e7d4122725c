package org.hybridta.functions;

/**
 * The CPU batch kernel of one {@link org.hybridta.indicator.Indicator}, its parameters bound: what a backend calls
 * per series. Stateless and safe for concurrent use.
 */
public interface Kernel {
    /**
     * Computes one series: reads {@code in[k][off, off + len)}, one array per input field in the order of
     * {@link org.hybridta.indicator.Indicator#inputFields()}, and writes every cell of {@code out[k][off, off + len)},
     * one array per output: {@code NaN} before the lookback, the values after. The arrays are the caller's and may be
     * reused between calls; an output array must not be one of the input arrays (a kernel may write an output cell
     * before it has read every input cell it needs, e.g. a bar a period back staged in the output).
     */
    void compute(double[][] in, int off, int len, double[][] out);
}
