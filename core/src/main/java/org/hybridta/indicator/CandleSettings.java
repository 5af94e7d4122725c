package org.hybridta.indicator;

import java.util.Arrays;
import java.util.Objects;

/**
 * TA-Lib's candle settings: what the candlestick patterns ({@code cdl*}) call a long body, a doji, a very short
 * shadow, "near", "far" or "equal". Each {@link Setting} compares a part of a candle with {@code factor} times the
 * average {@link RangeType range} of the {@code avgPeriod} candles before it ({@code avgPeriod} 0: the candle's
 * own range); a {@link RangeType#SHADOWS} average (of both shadows together) is halved. The defaults are TA-Lib's:
 * a body is long when longer than the average body of the 10 previous candles, a doji's body is at most 10% of their
 * average high-low range, and so on ({@link Setting}).
 *
 * <p>The settings are process-wide, as in TA-Lib ({@code TA_SetCandleSettings}): {@link #use} replaces them for
 * every later computation, and a computation reads them once when it starts (a batch call, or the creation of a
 * streaming state), so a change never mixes two settings within one series. Lookbacks depend on them: a doji
 * needs {@code avgPeriod(BODY_DOJI)} earlier candles.
 * <pre>{@code
 * CandleSettings.use(CandleSettings.defaults()
 *         .with(Setting.BODY_DOJI, new Rule(RangeType.HIGH_LOW, 10, 0.05)));   // stricter dojis
 * ...
 * CandleSettings.use(CandleSettings.defaults());                              // back to TA-Lib's
 * }</pre>
 */
public final class CandleSettings {
    /** TA-Lib's {@code TA_RangeType}: what a setting averages. */
    public enum RangeType {
        /** {@code |close - open|}. */
        REAL_BODY,
        /** {@code high - low}. */
        HIGH_LOW,
        /** The upper plus the lower shadow; the average is halved (one shadow). */
        SHADOWS
    }

    /**
     * One setting's rule: compare with {@code factor} times the average {@code range} of the {@code avgPeriod}
     * previous candles.
     *
     * @param range     what is averaged
     * @param avgPeriod how many previous candles, 0 to 100000; 0 compares with the candle's own range
     * @param factor    the multiple of the average, finite and not negative
     */
    public record Rule(RangeType range, int avgPeriod, double factor) {
        public Rule {
            Objects.requireNonNull(range, "range");
            if (avgPeriod < 0 || avgPeriod > 100_000) {
                throw new IllegalArgumentException("candle setting: avgPeriod must be in 0..100000, was " + avgPeriod);
            }
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("candle setting: factor must be finite and not negative, was " + factor);
            }
        }
    }

    /** TA-Lib's {@code TA_CandleSettingType}, in TA-Lib's order, each with TA-Lib's default rule. */
    public enum Setting {
        /** A real body is long when longer than the average body of the 10 previous candles. */
        BODY_LONG(RangeType.REAL_BODY, 10, 1.0),
        /** Very long: longer than 3 times that average (no pattern of TA-Lib 0.6 uses it). */
        BODY_VERY_LONG(RangeType.REAL_BODY, 10, 3.0),
        /** Short: shorter than the average body of the 10 previous candles. */
        BODY_SHORT(RangeType.REAL_BODY, 10, 1.0),
        /** Doji-like: at most 10% of the average high-low range of the 10 previous candles. */
        BODY_DOJI(RangeType.HIGH_LOW, 10, 0.1),
        /** A shadow is long when longer than the candle's own real body. */
        SHADOW_LONG(RangeType.REAL_BODY, 0, 1.0),
        /** Very long: longer than twice the candle's own real body. */
        SHADOW_VERY_LONG(RangeType.REAL_BODY, 0, 2.0),
        /** Short: shorter than half the average sum of shadows of the 10 previous candles (one shadow's average). */
        SHADOW_SHORT(RangeType.SHADOWS, 10, 1.0),
        /** Very short: shorter than 10% of the average high-low range of the 10 previous candles. */
        SHADOW_VERY_SHORT(RangeType.HIGH_LOW, 10, 0.1),
        /** Distances: "near" is at most 20% of the average high-low range of the 5 previous candles. */
        NEAR(RangeType.HIGH_LOW, 5, 0.2),
        /** "Far" is at least 60% of that average. */
        FAR(RangeType.HIGH_LOW, 5, 0.6),
        /** "Equal" is at most 5% of that average. */
        EQUAL(RangeType.HIGH_LOW, 5, 0.05);

        private final Rule defaultRule;

        Setting(RangeType range, int avgPeriod, double factor) {
            this.defaultRule = new Rule(range, avgPeriod, factor);
        }

        /** TA-Lib's default ({@code TA_RestoreCandleDefaultSettings}). */
        public Rule defaultRule() { return defaultRule; }
    }

    private static final Setting[] SETTINGS = Setting.values();
    private static final CandleSettings DEFAULTS = new CandleSettings(defaultRules());
    private static volatile CandleSettings current = DEFAULTS;

    private final Rule[] rules;

    private CandleSettings(Rule[] rules) {
        this.rules = rules;
    }

    private static Rule[] defaultRules() {
        Rule[] rules = new Rule[SETTINGS.length];
        for (Setting s : SETTINGS) rules[s.ordinal()] = s.defaultRule();
        return rules;
    }

    /** TA-Lib's defaults. */
    public static CandleSettings defaults() { return DEFAULTS; }

    /** The settings the patterns use now (TA-Lib's defaults unless {@link #use} changed them). */
    public static CandleSettings current() { return current; }

    /** Makes {@code settings} the process-wide settings of every computation that starts after this call. */
    public static void use(CandleSettings settings) {
        current = Objects.requireNonNull(settings, "settings");
    }

    /** The rule of {@code setting}. */
    public Rule rule(Setting setting) { return rules[setting.ordinal()]; }

    /** {@code rule(setting).avgPeriod()}: how many previous candles the setting averages. */
    public int avgPeriod(Setting setting) { return rules[setting.ordinal()].avgPeriod(); }

    /** These settings with {@code setting} replaced by {@code rule}. */
    public CandleSettings with(Setting setting, Rule rule) {
        Objects.requireNonNull(setting, "setting");
        Rule[] copy = rules.clone();
        copy[setting.ordinal()] = Objects.requireNonNull(rule, "rule");
        return new CandleSettings(copy);
    }

    @Override public boolean equals(Object o) {
        return o instanceof CandleSettings s && Arrays.equals(rules, s.rules);
    }

    @Override public int hashCode() { return Arrays.hashCode(rules); }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("CandleSettings[");
        for (Setting s : SETTINGS) {
            Rule r = rule(s);
            if (s.ordinal() > 0) b.append(", ");
            b.append(s).append('=').append(r.range()).append('/').append(r.avgPeriod()).append('x').append(r.factor());
        }
        return b.append(']').toString();
    }
}
