package org.hybridta.functions;

import static org.hybridta.functions.Declaration.REAL_MAX;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's SAR: Wilder's parabolic stop and reverse with one acceleration factor (start and step) up to a maximum;
 * the same arithmetic as {@link SarExt} with equal long and short factors, no offset, short positions positive.
 */
final class Sar extends FunctionDef {
    Sar() {
        super(function("sar", Group.OVERLAP_STUDIES, "Parabolic SAR")
                .overlap()
                .inputPrice(Field.HIGH, Field.LOW)
                .paramReal("acceleration", 0.02, 0, REAL_MAX)
                .paramReal("maximum", 0.2, 0, REAL_MAX)
                .output("real"));
    }

    @Override int lookback(Args a) { return 1; }

    private static SarExt.State state(Args a) {
        double acceleration = a.real(0), maximum = a.real(1);
        return new SarExt.State(0, 0, acceleration, acceleration, maximum, acceleration, acceleration, maximum, false);
    }

    @Override Step step(Args a) {
        SarExt.State s = state(a);
        return (in, out) -> out[0] = s.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        SarExt.State s = state(a);
        s.run(in[0], in[1], off, off + len, out[0]);
    }
}
