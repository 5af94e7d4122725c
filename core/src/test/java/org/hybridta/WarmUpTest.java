package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void everyCatalogFunctionIsClassified() {
        for (Indicator ind : Indicators.catalog()) {
            assertThat(WarmUp.knows(ind.name())).as(ind.name() + ": window, recursive or cumulative? add it to WarmUp's table").isTrue();
        }
    }

    @Test
    void anEmasSeedFadesBelowTheResidualAfterTheAllowance() {
        // EMA(n): the seed keeps (1 - 2 / (n + 1))^k of its weight after k bars
        for (int n : new int[] {2, 12, 20, 200}) {
            double keep = 1 - 2.0 / (n + 1);
            long k = WarmUp.allowance("ema:" + n);
            assertThat(Math.pow(keep, k)).as("ema:" + n + " after " + k + " bars").isLessThan(WarmUp.RESIDUAL);
            assertThat(Math.pow(keep, k - 1)).as("and not a bar less").isGreaterThanOrEqualTo(WarmUp.RESIDUAL);
        }
        assertThat(WarmUp.bars(Indicators.ema(20))).isEqualTo(19 + WarmUp.allowance("ema:20"));
    }

    @Test
    void chainsNeedMoreThanOneStageAndWindowsNothing() {
        long ema = WarmUp.allowance("ema:20"), dema = WarmUp.allowance("dema:20"), tema = WarmUp.allowance("tema:20");
        assertThat(dema).isGreaterThan(ema);
        assertThat(tema).isGreaterThan(dema);
        assertThat(tema).as("far less than three EMAs one after the other").isLessThan(2 * ema);
        assertThat(WarmUp.allowance("rsi:14")).isEqualTo(WarmUp.allowance("atr:14")).isPositive();
        assertThat(WarmUp.allowance("adx:14")).isGreaterThan(WarmUp.allowance("rsi:14"));
        assertThat(WarmUp.allowance("macd:12:26:9")).isGreaterThan(WarmUp.allowance("ema:26"));
        for (String window : List.of("sma:200", "bbands:20:2", "stoch:14:3:3", "cci:20", "willr:14", "roc:10", "mom:10", "mfi:14", "trange",
                "cdlengulfing")) {
            assertThat(WarmUp.allowance(window)).as(window).isZero();
        }
        assertThat(WarmUp.bars(Indicators.sma(200))).isEqualTo(199);
    }

    @Test
    void aRecursiveMaTypeNamedInASpecAddsItsAllowance() {
        assertThat(WarmUp.allowance("stochrsi:14:5:3:ema")).isEqualTo(WarmUp.allowance("rsi:14") + WarmUp.allowance("ema:14"));
        assertThat(WarmUp.allowance("ma:30:sma")).isZero();
        assertThat(WarmUp.allowance("ma:30:ema")).isEqualTo(WarmUp.allowance("ema:30"));
    }

    @Test
    void cumulativeOnesAreMarkedAndTheDefaultsNeedAboutTwoYears() {
        assertThat(WarmUp.isCumulative(Indicators.obv())).isTrue();
        assertThat(WarmUp.isCumulative(Indicators.ema(5))).isFalse();
        assertThat(WarmUp.bars(Indicators.parseList("ema:12,rsi:14,macd:12:26:9"))).isBetween(300, 600);
        // KAMA's seed fades at its slowest smoothing constant, (2/31)^2 a bar, on a flat market
        assertThat(WarmUp.bars(Indicators.parse("kama:30"))).isBetween(5_000, 10_000);
        for (Indicator ind : Indicators.catalog()) {
            if (!ind.name().equals("kama")) assertThat(WarmUp.bars(ind)).as(ind.spec()).isLessThan(1_000);
        }
    }
}
