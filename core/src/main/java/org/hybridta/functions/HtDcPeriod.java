package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's HT_DCPERIOD: the dominant cycle period in bars, smoothed ({@link HilbertTransform}). */
final class HtDcPeriod extends FunctionDef {
    HtDcPeriod() {
        super(function("ht_dcperiod", Group.CYCLE_INDICATORS, "Hilbert Transform - Dominant Cycle Period")
                .inputReal()
                .output("real"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PERIOD_LOOKBACK; }

    @Override Step step(Args a) {
        HilbertTransform ht = HilbertTransform.period();
        return (in, out) -> out[0] = ht.next(in[0]) && ht.hasValue() ? ht.smoothPeriod() : Double.NaN;
    }
}
