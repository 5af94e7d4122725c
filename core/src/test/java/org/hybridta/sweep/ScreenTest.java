package org.hybridta.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

class ScreenTest {

    @Test void operandsAreSpecsColumnsAndPrices() {
        Screen s = Screen.parse("rsi:14 < 30 and close > sma:200 or bbands:20:2.upperband <= bbands_20_2_2_sma_upperband and not volume == 0");
        assertThat(s.operands()).extracting(Screen.Operand::name)
                .containsExactly("rsi_14", "close", "sma_200", "bbands_20_2_2_sma_upperband", "volume");
        assertThat(s.indicators()).extracting(i -> i.spec()).containsExactly("rsi:14", "sma:200", "bbands:20:2:2:sma");
        assertThat(Screen.parse("macd_12_26_9_macdsignal > 0").operands().get(0).output()).isEqualTo(1);
        assertThat(Screen.parse("plus_di_14 > minus_di").indicators()).extracting(i -> i.spec()).containsExactly("plus_di:14", "minus_di:14");
        assertThat(Screen.parse("sma_20_volume > sma:20@volume").operands()).hasSize(1);
        assertThat(Screen.parse("stoch:fastk_period=5.slowk crosses above 80").indicators().get(0).spec()).isEqualTo("stoch:5:3:sma:3:sma");
        assertThat(Screen.parse("willr:14 < -80").program().constants()).containsExactly(-80.0);
        assertThat(Screen.parse("obv>OBV").indicators()).hasSize(1);
    }

    @Test void threeValuedLogic() {
        double nan = Double.NaN;
        // a: close, b: sma_3
        Screen lt = Screen.parse("close < sma:3");
        assertThat(lt.test(new double[] {1, 2}, new double[] {nan, nan})).isTrue();
        assertThat(lt.test(new double[] {1, nan}, new double[] {nan, nan})).isFalse();
        assertThat(Screen.parse("not close < sma:3").test(new double[] {1, nan}, new double[] {nan, nan})).isFalse();
        assertThat(Screen.parse("close < 5 or close < sma:3").test(new double[] {1, nan}, new double[] {nan, nan})).isTrue();
        assertThat(Screen.parse("close > 5 and close < sma:3").test(new double[] {1, nan}, new double[] {nan, nan})).isFalse();
        Screen up = Screen.parse("close crosses above sma:3");
        assertThat(up.test(new double[] {3, 2}, new double[] {2, 2})).isTrue();
        assertThat(up.test(new double[] {3, 2}, new double[] {2.5, 2})).isFalse();
        assertThat(up.test(new double[] {3, 2}, new double[] {nan, 2})).isFalse();
        Screen down = Screen.parse("(close crosses below 10)");
        assertThat(down.test(new double[] {9}, new double[] {10})).isTrue();
        assertThat(down.test(new double[] {9}, new double[] {9})).isFalse();
    }

    @Test void errorsNamePositionAndToken() {
        assertThatThrownBy(() -> Screen.parse("rsi:14 < 30 and")).hasMessage(
                "screen 'rsi:14 < 30 and', position 16 (the end): expected a number, a price, a spec or a column");
        assertThatThrownBy(() -> Screen.parse("rsi:14 30")).hasMessage(
                "screen 'rsi:14 30', position 8 ('30'): expected a comparison (<, <=, >, >=, ==, !=) or 'crosses above' / 'crosses below'");
        assertThatThrownBy(() -> Screen.parse("(rsi:14 < 30")).hasMessageContaining("position 13 (the end): expected ')' to close the '(' at position 1");
        assertThatThrownBy(() -> Screen.parse("rsi:14 = 30")).hasMessageContaining("position 8 ('='): not an operator");
        assertThatThrownBy(() -> Screen.parse("close crosses over sma:5")).hasMessageContaining("position 15 ('over'): expected 'above' or 'below'");
        assertThatThrownBy(() -> Screen.parse("close > 1 close")).hasMessageContaining("position 11 ('close'): expected 'and', 'or' or the end");
        assertThatThrownBy(() -> Screen.parse("close > $")).hasMessageContaining("position 9 ('$'): unexpected character");
        assertThatThrownBy(() -> Screen.parse("rsx:14 < 30")).hasMessageContaining("position 1 ('rsx:14'): 'rsx:14': unknown indicator 'rsx'");
        assertThatThrownBy(() -> Screen.parse("rsi:1 < 30")).hasMessageContaining("timeperiod must be in [2, 100000], was 1");
        assertThatThrownBy(() -> Screen.parse("foo_12 < 30")).hasMessageContaining("position 1 ('foo_12'): unknown column or spec 'foo_12'");
        assertThatThrownBy(() -> Screen.parse("bbands:20:2 > close")).hasMessageContaining(
                "bbands has 3 outputs (upperband, middleband, lowerband): name one, e.g. bbands:20:2.upperband");
        assertThatThrownBy(() -> Screen.parse("bbands:20:2.upper > close")).hasMessageContaining("bbands has no output 'upper'");
        assertThatThrownBy(() -> Screen.parse("and > 1")).hasMessageContaining("position 1 ('and')");
        assertThatThrownBy(() -> Screen.parse(" ")).hasMessage("empty screen condition");
    }

    /** The engine's matches are exactly the series a filter of computed values picks, with those values. */
    @Test void theScreenEqualsAFilterOfComputedValues() {
        Panel panel = RandomBars.raggedPanel(11, 400, 0, 1, 30, 250, 400, 399, 200, 320, 301, 280, 260);
        String text = "rsi:14 < 55 and close > sma:20 or not cci:14 > -50 or close crosses above ema:10";
        Screen screen = Screen.parse(text);
        int[] at = Sweeps.lastBars(panel);
        at[3] = 10;   // an earlier bar (--on)
        at[4] = -1;   // not evaluated
        try (SweepEngine engine = Sweeps.open("cpu"); ComputeBackend cpu = Backends.open("cpu")) {
            ScreenResult r = engine.screen(panel, screen, at);
            IndicatorValues v = cpu.compute(panel, Indicators.parseList("rsi:14,sma:20,cci:14,ema:10"));
            List<String> want = new ArrayList<>();
            for (int s = 0; s < panel.seriesCount(); s++) {
                int t = at[s];
                if (t < 0) continue;
                double rsi = v.get("rsi_14", s, t), sma = v.get("sma_20", s, t), cci = v.get("cci_14", s, t), close = panel.get(Field.CLOSE, s, t);
                boolean a = rsi < 55 && close > sma;
                boolean b = !Double.isNaN(cci) && !(cci > -50);
                boolean c = t >= 1 && panel.get(Field.CLOSE, s, t - 1) <= v.get("ema_10", s, t - 1) && close > v.get("ema_10", s, t);
                if (a || b || c) want.add(panel.symbol(s));
            }
            assertThat(r.matches()).extracting(ScreenResult.Match::symbol).containsExactlyElementsOf(want);
            assertThat(want).hasSizeBetween(2, 9);
            for (ScreenResult.Match m : r.matches()) {
                assertThat(m.value(0)).isEqualTo(v.get("rsi_14", m.series(), m.bar()));
                assertThat(m.value(1)).isEqualTo(panel.get(Field.CLOSE, m.series(), m.bar()));
            }
        }
    }
}
