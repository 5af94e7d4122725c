package org.hybridta.conformance;

import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.CandleSettings.RangeType;
import org.hybridta.indicator.CandleSettings.Rule;
import org.hybridta.indicator.CandleSettings.Setting;

/**
 * Candle settings unlike TA-Lib's defaults, under which the candlestick patterns are tested against TA-Lib C (core's
 * PatternConformanceTest) and the other backends against the CPU backend.
 */
public final class CandleSettingSets {
    private CandleSettingSets() {}

    /** Settings unlike TA-Lib's defaults: other periods (2 for a setting that defaults to 0), factors and range types. */
    public static final CandleSettings OTHER = CandleSettings.defaults()
            .with(Setting.BODY_LONG, new Rule(RangeType.REAL_BODY, 7, 1.2))
            .with(Setting.BODY_VERY_LONG, new Rule(RangeType.REAL_BODY, 4, 2.5))
            .with(Setting.BODY_SHORT, new Rule(RangeType.REAL_BODY, 14, 0.8))
            .with(Setting.BODY_DOJI, new Rule(RangeType.HIGH_LOW, 3, 0.15))
            .with(Setting.SHADOW_LONG, new Rule(RangeType.REAL_BODY, 2, 1.0))
            .with(Setting.SHADOW_VERY_LONG, new Rule(RangeType.HIGH_LOW, 6, 0.5))
            .with(Setting.SHADOW_SHORT, new Rule(RangeType.SHADOWS, 4, 1.5))
            .with(Setting.SHADOW_VERY_SHORT, new Rule(RangeType.SHADOWS, 8, 0.3))
            .with(Setting.NEAR, new Rule(RangeType.HIGH_LOW, 1, 0.3))
            .with(Setting.FAR, new Rule(RangeType.REAL_BODY, 9, 1.0))
            .with(Setting.EQUAL, new Rule(RangeType.HIGH_LOW, 0, 0.05));

    /**
     * Every setting compares with the candle's own range (period 0): the shortest lookbacks. Stars, soldiers and
     * the abandoned baby cannot fire here (a body longer than 1.5 times itself).
     */
    public static final CandleSettings OWN_CANDLE = CandleSettings.defaults()
            .with(Setting.BODY_LONG, new Rule(RangeType.HIGH_LOW, 0, 0.6))
            .with(Setting.BODY_SHORT, new Rule(RangeType.REAL_BODY, 0, 1.5))
            .with(Setting.BODY_DOJI, new Rule(RangeType.HIGH_LOW, 0, 0.1))
            .with(Setting.SHADOW_SHORT, new Rule(RangeType.HIGH_LOW, 0, 0.4))
            .with(Setting.SHADOW_VERY_SHORT, new Rule(RangeType.HIGH_LOW, 0, 0.05))
            .with(Setting.NEAR, new Rule(RangeType.HIGH_LOW, 0, 0.2))
            .with(Setting.FAR, new Rule(RangeType.HIGH_LOW, 0, 0.6))
            .with(Setting.EQUAL, new Rule(RangeType.SHADOWS, 0, 0.1));

    /** Long averages of every range type. */
    public static final CandleSettings LONG_AVERAGES = CandleSettings.defaults()
            .with(Setting.BODY_LONG, new Rule(RangeType.SHADOWS, 30, 2.0))
            .with(Setting.BODY_SHORT, new Rule(RangeType.HIGH_LOW, 25, 0.5))
            .with(Setting.BODY_DOJI, new Rule(RangeType.REAL_BODY, 40, 0.2))
            .with(Setting.SHADOW_LONG, new Rule(RangeType.SHADOWS, 20, 1.0))
            .with(Setting.SHADOW_VERY_LONG, new Rule(RangeType.SHADOWS, 33, 1.5))
            .with(Setting.SHADOW_VERY_SHORT, new Rule(RangeType.REAL_BODY, 21, 0.2))
            .with(Setting.NEAR, new Rule(RangeType.REAL_BODY, 17, 0.5))
            .with(Setting.EQUAL, new Rule(RangeType.REAL_BODY, 12, 0.1));
}
