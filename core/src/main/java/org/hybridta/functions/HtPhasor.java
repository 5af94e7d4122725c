package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's HT_PHASOR: the in-phase and quadrature components of the detrended price ({@link HilbertTransform}). */
final class HtPhasor extends FunctionDef {
    HtPhasor() {
        super(function("ht_phasor", Group.CYCLE_INDICATORS, "Hilbert Transform - Phasor Components")
                .inputReal()
                .output("inphase")
                .output("quadrature"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PERIOD_LOOKBACK; }

    @Override Step step(Args a) {
        HilbertTransform ht = HilbertTransform.period();
        return (in, out) -> {
            boolean value = ht.next(in[0]) && ht.hasValue();
            out[0] = value ? ht.inPhase() : Double.NaN;
            out[1] = value ? ht.quadrature() : Double.NaN;
        };
    }
}
