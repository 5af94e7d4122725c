package org.hybridta.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hybridta.conformance.TaLibC;
import org.hybridta.indicator.CandleSettings.RangeType;
import org.hybridta.indicator.CandleSettings.Rule;
import org.hybridta.indicator.CandleSettings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The settings as values; that the defaults and other settings give TA-Lib's signals is PatternConformanceTest's part. */
class CandleSettingsTest {

    @Test void withReplacesOneSettingAndLeavesTheOriginal() {
        CandleSettings defaults = CandleSettings.defaults();
        Rule stricter = new Rule(RangeType.HIGH_LOW, 10, 0.05);
        CandleSettings changed = defaults.with(Setting.BODY_DOJI, stricter);
        assertThat(changed.rule(Setting.BODY_DOJI)).isEqualTo(stricter);
        assertThat(defaults.rule(Setting.BODY_DOJI)).isEqualTo(Setting.BODY_DOJI.defaultRule());
        for (Setting s : Setting.values()) {
            if (s != Setting.BODY_DOJI) assertThat(changed.rule(s)).isEqualTo(defaults.rule(s));
            assertThat(defaults.avgPeriod(s)).isEqualTo(s.defaultRule().avgPeriod());
        }
        assertThat(changed).isNotEqualTo(defaults).isEqualTo(defaults.with(Setting.BODY_DOJI, stricter));
        assertThat(changed.hashCode()).isEqualTo(defaults.with(Setting.BODY_DOJI, stricter).hashCode());
        assertThat(changed.with(Setting.BODY_DOJI, Setting.BODY_DOJI.defaultRule())).isEqualTo(defaults);
        assertThat(changed.toString()).contains("BODY_DOJI=HIGH_LOW/10x0.05");
    }

    @Test void rulesRefuseWhatTaLibWouldReadAheadOrMisjudgeWith() {
        assertThatThrownBy(() -> new Rule(RangeType.REAL_BODY, -1, 1.0)).hasMessage("candle setting: avgPeriod must be in 0..100000, was -1");
        assertThatThrownBy(() -> new Rule(RangeType.REAL_BODY, 100_001, 1.0)).hasMessageContaining("avgPeriod");
        assertThatThrownBy(() -> new Rule(RangeType.REAL_BODY, 10, -0.1)).hasMessage("candle setting: factor must be finite and not negative, was -0.1");
        assertThatThrownBy(() -> new Rule(RangeType.REAL_BODY, 10, Double.NaN)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new Rule(RangeType.REAL_BODY, 10, Double.POSITIVE_INFINITY)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new Rule(null, 10, 1.0)).hasMessageContaining("range");
        assertThat(new Rule(RangeType.SHADOWS, 0, 0).avgPeriod()).isZero();
    }

    @Test @ResourceLock(TaLibC.SETTINGS) void useMakesSettingsCurrent() {
        CandleSettings other = CandleSettings.defaults().with(Setting.NEAR, new Rule(RangeType.REAL_BODY, 3, 0.5));
        assertThat(CandleSettings.current()).isEqualTo(CandleSettings.defaults());
        try {
            CandleSettings.use(other);
            assertThat(CandleSettings.current()).isSameAs(other);
        } finally {
            CandleSettings.use(CandleSettings.defaults());
        }
        assertThatThrownBy(() -> CandleSettings.use(null)).isInstanceOf(NullPointerException.class);
    }
}
