package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.ParamInfo;
import org.junit.jupiter.api.Test;

/** {@code hybridta indicators}: every function of the catalog, as text by group and as JSON. */
class IndicatorsCommandTest {

    @Test void listsEveryFunctionByGroupWithItsDescription() {
        ComputeCommandTest.Run r = ComputeCommandTest.run("indicators");
        assertThat(r.exit()).as(r.err()).isZero();
        for (FunctionInfo f : Indicators.functions()) {
            assertThat(r.out()).contains(f.group().taLibName() + "\n").containsPattern("(?m)^  " + f.name() + "[: ].*" + java.util.regex.Pattern.quote(f.description()) + "$");
        }
        assertThat(r.out()).contains(Indicators.functions().size() + " functions");
        assertThat(r.out()).contains("  stoch:fastk_period=5:slowk_period=3:slowk_matype=sma:slowd_period=3:slowd_matype=sma ");
    }

    @Test void jsonHasNamesGroupsInputsParamsAndOutputs() throws Exception {
        ComputeCommandTest.Run r = ComputeCommandTest.run("indicators", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all.size()).isEqualTo(Indicators.functions().size());
        for (int i = 0; i < all.size(); i++) {
            JsonNode n = all.get(i);
            FunctionInfo f = Indicators.functions().get(i);
            assertThat(n.get("name").asText()).isEqualTo(f.name());
            assertThat(n.get("group").asText()).isEqualTo(f.group().taLibName());
            assertThat(n.get("inputs").size()).isEqualTo(f.inputs().size());
            List<String> outputs = new ArrayList<>();
            n.get("outputs").forEach(o -> outputs.add(o.get("name").asText()));
            assertThat(outputs).isEqualTo(f.outputs().stream().map(o -> o.name()).toList());
            for (int k = 0; k < f.params().size(); k++) {
                ParamInfo p = f.params().get(k);
                JsonNode pn = n.get("params").get(k);
                assertThat(pn.get("name").asText()).isEqualTo(p.name());
                if (pn.has("min")) {
                    assertThat(pn.get("min").asDouble()).isEqualTo(p.min());
                    assertThat(pn.get("max").asDouble()).isEqualTo(p.max());
                    assertThat(pn.get("default").asDouble()).isEqualTo(p.defaultValue());
                }
            }
        }
        JsonNode bbands = null;
        for (JsonNode n : all) if (n.get("name").asText().equals("bbands")) bbands = n;
        assertThat(bbands.get("params").get(3).get("default").asText()).isEqualTo("sma");
        assertThat(bbands.get("inputs").get(0).get("fields").get(0).asText()).isEqualTo("close");
    }
}
