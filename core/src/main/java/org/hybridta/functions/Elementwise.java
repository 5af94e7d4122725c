package org.hybridta.functions;

/**
 * A function of each bar alone, with no state and no lookback (ADD, SIN, AVGPRICE ...): its formula is written
 * once, as the batch loop, and the streaming step runs that loop over the one bar it is given, so the two are
 * bit-identical by construction and the loop stays a plain one the JIT vectorises.
 */
abstract class Elementwise extends FunctionDef {
    Elementwise(Declaration declaration) {
        super(declaration);
    }

    @Override final int lookback(Args a) { return 0; }

    @Override final Step step(Args a) {
        double[][] in = new double[info().inputFieldCount()][1], out = new double[info().outputs().size()][1];
        return (bar, values) -> {
            for (int k = 0; k < in.length; k++) in[k][0] = bar[k];
            batch(a, in, 0, 1, out);
            for (int k = 0; k < out.length; k++) values[k] = out[k][0];
        };
    }

    /** Writes every bar of {@code out[k][off, off + len)}; there is no warm-up. */
    @Override abstract void batch(Args a, double[][] in, int off, int len, double[][] out);
}
