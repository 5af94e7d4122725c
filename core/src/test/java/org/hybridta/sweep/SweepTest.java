package org.hybridta.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.ParamInfo;
import org.junit.jupiter.api.Test;

class SweepTest {
    private static List<String> specs(Sweep s) {
        return s.specs().stream().map(Indicator::spec).toList();
    }

    @Test void aRangeIncludesBothEnds() {
        Sweep s = Sweep.parse("ema:2..201");
        assertThat(s.size()).isEqualTo(200);
        assertThat(s.specs().get(0).spec()).isEqualTo("ema:2");
        assertThat(s.specs().get(199).spec()).isEqualTo("ema:201");
        assertThat(s.axes()).extracting(ParamInfo::name).containsExactly("timeperiod");
    }

    @Test void listsAndStepsMix() {
        assertThat(specs(Sweep.parse("ema:5,10,50..200/50"))).containsExactly("ema:5", "ema:10", "ema:50", "ema:100", "ema:150", "ema:200");
    }

    @Test void realStepsAreExactDecimals() {
        Sweep s = Sweep.parse("bbands:20:0.1..0.3/0.1:1");
        assertThat(specs(s)).containsExactly("bbands:20:0.1:1:sma", "bbands:20:0.2:1:sma", "bbands:20:0.3:1:sma");
    }

    @Test void aTieCopiesTheValueAndTheLastParameterVariesFastest() {
        Sweep s = Sweep.parse("bbands:10..29:0.75..3/0.25:nbdevup");
        assertThat(s.size()).isEqualTo(200);
        assertThat(s.specs().get(0).spec()).isEqualTo("bbands:10:0.75:0.75:sma");
        assertThat(s.specs().get(1).spec()).isEqualTo("bbands:10:1:1:sma");
        assertThat(s.specs().get(10).spec()).isEqualTo("bbands:11:0.75:0.75:sma");
        assertThat(s.axes()).extracting(ParamInfo::name).containsExactly("timeperiod", "nbdevup");
        assertThat(Sweep.of("bbands").range("timeperiod", 10, 29, 1).range("nbdevup", 0.75, 3, 0.25).tie("nbdevdn", "nbdevup").specs())
                .isEqualTo(s.specs());
    }

    @Test void namedParametersMaTypesAndFields() {
        assertThat(specs(Sweep.parse("stoch:fastk_period=5..9/4:slowd_matype=sma,ema")))
                .containsExactly("stoch:5:3:sma:3:sma", "stoch:5:3:sma:3:ema", "stoch:9:3:sma:3:sma", "stoch:9:3:sma:3:ema");
        assertThat(specs(Sweep.parse("sma:10,20@volume"))).containsExactly("sma:10@volume", "sma:20@volume");
        assertThat(specs(Sweep.of("ema").values("timeperiod", 3, 4))).containsExactly("ema:3", "ema:4");
        assertThat(Sweep.parse("ema:2..4").text()).isEqualTo("ema:2,3,4");
    }

    @Test void errorsNameTheParameterValueAndRange() {
        assertThatThrownBy(() -> Sweep.parse("ema:1..10")).hasMessage("'ema:1..10': timeperiod 1 is outside its range [2, 100000]");
        assertThatThrownBy(() -> Sweep.parse("ema:2..10/0.5")).hasMessageContaining("timeperiod is a whole number; the step must be one too");
        assertThatThrownBy(() -> Sweep.parse("ema:10..2")).hasMessageContaining("the range ends before it starts");
        assertThatThrownBy(() -> Sweep.parse("ema:2..10/0")).hasMessageContaining("the step must be positive");
        assertThatThrownBy(() -> Sweep.parse("ema:x")).hasMessage("'ema:x': timeperiod 'x' is not a number");
        assertThatThrownBy(() -> Sweep.parse("ema:2:3")).hasMessageContaining("2 parameters given, ema takes 1 parameter (timeperiod)");
        assertThatThrownBy(() -> Sweep.parse("emx:2..5")).hasMessageContaining("unknown indicator 'emx'");
        assertThatThrownBy(() -> Sweep.parse("bbands:period=2")).hasMessageContaining("bbands has no parameter 'period'");
        assertThatThrownBy(() -> Sweep.parse("stoch:slowk_matype=sma..ema")).hasMessageContaining("is an MA type: list them");
        assertThatThrownBy(() -> Sweep.parse("stoch:slowk_matype=foo")).hasMessageContaining("'foo' is not an MA type");
        assertThatThrownBy(() -> Sweep.parse("ema:2..2000000")).hasMessageContaining("timeperiod 2000000 is outside its range [2, 100000]");
        assertThatThrownBy(() -> Sweep.parse("bbands:20:nbdevdn:nbdevup")).hasMessageContaining("which is itself tied");
        assertThatThrownBy(() -> Sweep.parse("bbands:20:nbdevup")).hasMessageContaining("nbdevup cannot take its own value");
        assertThatThrownBy(() -> Sweep.parse("ema:2,,3")).hasMessageContaining("empty item");
        assertThatThrownBy(() -> Sweep.parse(" ")).hasMessage("empty sweep grid");
    }

    @Test void reductionsParseAndName() {
        List<Reduction> rs = Reduction.parseList("last, mean,min,max,count:>70,count:<30,cross,cross:-5.5");
        assertThat(rs).extracting(Reduction::text).containsExactly("last", "mean", "min", "max", "count:>70", "count:<30", "cross", "cross:-5.5");
        assertThat(rs.get(4).columns()).containsExactly("count_gt_70");
        assertThat(rs.get(7).columns()).containsExactly("cross_m5.5_bar", "cross_m5.5_dir");
        assertThatThrownBy(() -> Reduction.parseList("last,median")).hasMessageContaining("reduction 'median' is unknown");
        assertThatThrownBy(() -> Reduction.parseList("count:>70,count:>80")).hasMessageContaining("one level per kind");
        assertThatThrownBy(() -> Reduction.parseList("count:>x")).hasMessageContaining("the level 'x' is not a number");
    }
}
