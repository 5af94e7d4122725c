package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's HT_DCPHASE: the dominant cycle phase in degrees, in (-45, 315] ({@link HilbertTransform.Phase}). */
final class HtDcPhase extends FunctionDef {
    HtDcPhase() {
        super(function("ht_dcphase", Group.CYCLE_INDICATORS, "Hilbert Transform - Dominant Cycle Phase")
                .inputReal()
                .output("real"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PHASE_LOOKBACK; }

    @Override Step step(Args a) {
        HilbertTransform ht = HilbertTransform.phase();
        HilbertTransform.Phase phase = new HilbertTransform.Phase();
        return (in, out) -> {
            double value = Double.NaN;
            if (ht.next(in[0])) {
                double p = phase.next(ht);
                if (ht.hasValue()) value = p;
            }
            out[0] = value;
        };
    }
}
