package org.hybridta.benchmarks.cpu;

import java.util.List;
import java.util.Locale;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCCall;
import org.hybridta.indicator.Indicator;

/**
 * Each catalog function as a TA-Lib C user computes it: one {@code TA_CallFunc} over the whole series
 * ({@code startIdx = 0, endIdx = n - 1}) into the output buffers prepared with the call, through {@link TaLibC}
 * (JNA over TA-Lib C 0.6 built with gcc -O3 by {@code scripts/install-talib-c.sh}). The inputs are copied into
 * native memory once, when the call is prepared; {@link TaLibCCall#run()} is TA-Lib's C code alone. TA-Lib writes
 * its values from index 0 and reports the first bar in {@code outBegIdx}; a TA-Lib user reads them there, so the
 * values are not shifted (HybridTA's outputs, which line up with the dates, would need that extra copy).
 */
final class TaLibCalls {
    private TaLibCalls() {}

    /** TA-Lib's name of the function of {@code spec}, for the write-up. */
    static String function(Indicator spec) {
        return spec.name().toUpperCase(Locale.ROOT);
    }

    /** A prepared call of {@code spec}'s function over {@code series}, inputs set; close it. */
    static TaLibCCall prepare(Indicator spec, BarSeries series) {
        if (!TaLibC.available()) {
            throw new IllegalStateException("TA-Lib C is not available: " + TaLibC.whyUnavailable() + " (run scripts/install-talib-c.sh)");
        }
        TaLibCCall call = TaLibC.prepare(spec.name(), series.size(), spec.params());
        List<Field> fields = spec.inputFields();
        for (int k = 0; k < fields.size(); k++) call.input(k, series.values(fields.get(k)));
        return call;
    }
}
