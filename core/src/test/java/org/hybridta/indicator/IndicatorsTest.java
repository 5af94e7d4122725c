package org.hybridta.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.hybridta.Field;
import org.hybridta.conformance.BackendConformanceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IndicatorsTest {

    static Stream<Indicator> everySpec() {
        return BackendConformanceTest.specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySpec")
    void specParsesBackToAnEqualIndicator(Indicator spec) {
        Indicator parsed = Indicators.parse(spec.spec());
        assertThat(parsed).isEqualTo(spec);
        assertThat(parsed.spec()).isEqualTo(spec.spec());
        assertThat(parsed.column()).isEqualTo(spec.spec().replace(':', '_'));
        assertThat(spec.outputs().get(0).column()).startsWith(spec.column());
        assertThat(spec.lookback()).isEqualTo(spec.outputs().stream().mapToInt(Output::lookback).max().orElseThrow());
    }

    @Test
    void theCatalogHoldsEveryIndicatorWithItsDefaults() {
        assertThat(Indicators.catalog()).extracting(Indicator::spec).containsExactly(
                "sma:20", "ema:20", "wma:20", "dema:20", "tema:20", "rsi:14", "macd:12:26:9", "bbands:20:2", "atr:14", "trange",
                "stoch:14:3:3", "adx:14", "cci:20", "willr:14", "roc:10", "mom:10", "obv", "mfi:14");
        for (Indicator d : Indicators.catalog()) assertThat(Indicators.parse(d.name())).isEqualTo(d);
    }

    @Test
    void namesAreCaseInsensitiveAndSurroundingBlanksIgnored() {
        assertThat(Indicators.parse(" EMA:12 ")).isEqualTo(Indicators.ema(12));
        assertThat(Indicators.parse("MacD: 5 :35:5")).isEqualTo(Indicators.macd(5, 35, 5));
        assertThat(Indicators.parse("OBV")).isEqualTo(Indicators.obv());
    }

    @Test
    void bollingerWidthsPrintInTheirShortestForm() {
        assertThat(Indicators.parse("bbands:20:2.0").spec()).isEqualTo("bbands:20:2");
        assertThat(Indicators.parse("bbands:20:2.5").spec()).isEqualTo("bbands:20:2.5");
        assertThat(Indicators.bbands(10, 1.5).outputs()).extracting(Output::column)
                .containsExactly("bbands_10_1.5_upper", "bbands_10_1.5_middle", "bbands_10_1.5_lower");
    }

    @Test
    void multiOutputColumnsAreNamedAsTheDesignSays() {
        assertThat(Indicators.columns(List.of(Indicators.macd(12, 26, 9), Indicators.bbands(20, 2), Indicators.stoch(14, 3, 3),
                Indicators.adx(14), Indicators.obv(), Indicators.ema(12)))).containsExactly(
                "macd_12_26_9", "macd_12_26_9_signal", "macd_12_26_9_hist",
                "bbands_20_2_upper", "bbands_20_2_middle", "bbands_20_2_lower",
                "stoch_14_3_3_k", "stoch_14_3_3_d",
                "adx_14", "adx_14_plus_di", "adx_14_minus_di",
                "obv", "ema_12");
    }

    @Test
    void lookbacksPerOutput() {
        assertThat(Indicators.adx(14).outputs()).extracting(Output::lookback).containsExactly(27, 14, 14);
        assertThat(Indicators.adx(14).lookback()).isEqualTo(27);
        assertThat(Indicators.macd(12, 26, 9).lookback()).isEqualTo(33);
        assertThat(Indicators.stoch(14, 3, 3).lookback()).isEqualTo(17);
        assertThat(Indicators.stoch(1, 1, 1).lookback()).isZero();
        assertThat(Indicators.obv().lookback()).isZero();
        assertThat(Indicators.trange().lookback()).isEqualTo(1);
    }

    @Test
    void inputsNameTheFieldsRead() {
        assertThat(Indicators.ema(3).inputs()).containsExactly(Field.CLOSE);
        assertThat(Indicators.obv().inputs()).containsExactlyInAnyOrder(Field.CLOSE, Field.VOLUME);
        assertThat(Indicators.mfi(14).inputs()).containsExactlyInAnyOrder(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(Indicators.adx(14).inputs()).containsExactlyInAnyOrder(Field.HIGH, Field.LOW, Field.CLOSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ema:0            | ema: period must be in [2, 100000], was 0 in 'ema:0'
            ema:1            | ema: period must be in [2, 100000], was 1 in 'ema:1'
            sma:100001       | sma: period must be in [2, 100000], was 100001 in 'sma:100001'
            atr:0            | atr: period must be in [1, 100000], was 0 in 'atr:0'
            macd:26:12:9     | macd: fast period (26) must be less than slow period (12) in 'macd:26:12:9'
            macd:12:12:9     | macd: fast period (12) must be less than slow period (12) in 'macd:12:12:9'
            macd:12:26:1     | macd: signal period must be in [2, 100000], was 1 in 'macd:12:26:1'
            stoch:0:3:3      | stoch: fast %K period must be in [1, 100000], was 0 in 'stoch:0:3:3'
            bbands:20:0      | bbands: k (standard deviations) must be a finite number > 0, was 0.0 in 'bbands:20:0'
            bbands:20:NaN    | bbands: k (standard deviations) must be a finite number > 0, was NaN in 'bbands:20:NaN'
            bbands:20:-1     | bbands: k (standard deviations) must be a finite number > 0, was -1.0 in 'bbands:20:-1'
            foo:3            | unknown indicator 'foo' in 'foo:3' (known: sma, ema, wma, dema, tema, rsi, macd, bbands, atr, trange, stoch, adx, cci, willr, roc, mom, obv, mfi)
            ema:1:2          | ema: expected 1 parameter (period), got 2 in 'ema:1:2'
            macd:12:26       | macd: expected 3 parameters (fast:slow:signal), got 2 in 'macd:12:26'
            obv:3            | obv: expected no parameters, got 1 in 'obv:3'
            ema:abc          | ema: period 'abc' is not a whole number in 'ema:abc'
            ema:2.5          | ema: period '2.5' is not a whole number in 'ema:2.5'
            ema:             | ema: period '' is not a whole number in 'ema:'
            bbands:20:wide   | bbands: k 'wide' is not a number in 'bbands:20:wide'
            """)
    void invalidSpecsAreRefusedNamingTheProblem(String spec, String message) {
        assertThatThrownBy(() -> Indicators.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void emptySpecsAndListsAreRefused() {
        assertThatThrownBy(() -> Indicators.parse(" ")).hasMessage("empty indicator spec");
        assertThatThrownBy(() -> Indicators.parse(null)).hasMessage("empty indicator spec");
        assertThatThrownBy(() -> Indicators.parseList("")).hasMessage("no indicators given");
        assertThatThrownBy(() -> Indicators.parseList("ema:12,,rsi")).hasMessage("empty indicator spec in 'ema:12,,rsi'");
    }

    @Test
    void listsParseInOrderAndRefuseDuplicates() {
        assertThat(Indicators.parseList("ema:12,rsi,macd:12:26:9")).containsExactly(Indicators.ema(12), Indicators.rsi(14),
                Indicators.macd(12, 26, 9));
        assertThatThrownBy(() -> Indicators.parseList("rsi,rsi:14")).hasMessage("indicator rsi:14 is listed twice");
    }

    @Test
    void factoriesValidateToo() {
        assertThatThrownBy(() -> Indicators.wma(1)).hasMessage("wma: period must be in [2, 100000], was 1");
        assertThatThrownBy(() -> new Adx(1)).hasMessage("adx: period must be in [2, 100000], was 1");
        assertThatThrownBy(() -> new Bbands(20, Double.POSITIVE_INFINITY))
                .hasMessage("bbands: k (standard deviations) must be a finite number > 0, was Infinity");
    }
}
