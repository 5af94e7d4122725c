package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's HT_SINE: the sine of the dominant cycle phase, and of the phase 45 degrees ahead ({@link HilbertTransform.Phase}). */
final class HtSine extends FunctionDef {
    HtSine() {
        super(function("ht_sine", Group.CYCLE_INDICATORS, "Hilbert Transform - SineWave")
                .inputReal()
                .output("sine")
                .output("leadsine"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PHASE_LOOKBACK; }

    @Override Step step(Args a) {
        HilbertTransform ht = HilbertTransform.phase();
        HilbertTransform.Phase phase = new HilbertTransform.Phase();
        return (in, out) -> {
            out[0] = out[1] = Double.NaN;
            if (!ht.next(in[0])) return;
            phase.next(ht);
            if (!ht.hasValue()) return;
            out[0] = phase.sine();
            out[1] = phase.leadSine();
        };
    }
}
