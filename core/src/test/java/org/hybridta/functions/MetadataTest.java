package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hybridta.Field;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.conformance.TaLibCMeta;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.InputInfo;
import org.hybridta.indicator.OutputInfo;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;
import org.hybridta.indicator.ValueType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every function's {@link FunctionInfo} against TA-Lib's own abstract interface: names, group, description, inputs, parameters, outputs. */
@ExtendWith(TaLibCLoaded.class)
class MetadataTest {

    @TestFactory Stream<DynamicTest> metadataIsTaLibs() {
        return Cases.functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            FunctionInfo ours = f.info();
            TaLibCMeta theirs = TaLibC.meta(f.name());
            assertThat(ours.group().taLibName()).as("%s group", f.name()).isEqualTo(theirs.group());
            assertThat(ours.description()).as("%s description", f.name()).isEqualTo(theirs.hint());
            assertThat(ours.overlap()).as("%s overlap flag (Declaration.overlap())", f.name()).isEqualTo(theirs.flags().contains(TaLibCMeta.Flag.OVERLAP));
            assertThat(ours.inputs()).as("%s inputs", f.name()).hasSameSizeAs(theirs.inputs());
            for (int i = 0; i < ours.inputs().size(); i++) {
                InputInfo in = ours.inputs().get(i);
                TaLibCMeta.Input t = theirs.inputs().get(i);
                assertThat(in.name()).as("%s input %d", f.name(), i).isEqualTo(bare(t.name(), "in"));
                assertThat(in.selectable()).as("%s input %s is real", f.name(), in.name()).isEqualTo(t.type() != TaLibCMeta.InputType.PRICE);
                if (!in.selectable()) {
                    assertThat(in.fields()).as("%s input %s fields", f.name(), in.name())
                            .isEqualTo(t.fields().stream().map(p -> Field.valueOf(p.name())).toList());
                }
            }
            assertThat(ours.params()).as("%s parameters", f.name()).hasSameSizeAs(theirs.optInputs());
            for (int i = 0; i < ours.params().size(); i++) {
                ParamInfo p = ours.params().get(i);
                TaLibCMeta.OptInput t = theirs.optInputs().get(i);
                assertThat(p.name()).as("%s parameter %d", f.name(), i).isEqualTo(bare(t.name(), "optIn"));
                ParamType type = switch (t.type()) {
                    case INTEGER_RANGE -> ParamType.INTEGER;
                    case INTEGER_LIST -> ParamType.MA_TYPE;
                    case REAL_RANGE, REAL_LIST -> ParamType.REAL;
                };
                assertThat(p.type()).as("%s %s type", f.name(), p.name()).isEqualTo(type);
                assertThat(List.of(p.defaultValue(), p.min(), p.max())).as("%s %s default, min, max", f.name(), p.name())
                        .isEqualTo(List.of(t.defaultValue(), t.min(), t.max()));
            }
            assertThat(ours.outputs()).as("%s outputs", f.name()).hasSameSizeAs(theirs.outputs());
            for (int i = 0; i < ours.outputs().size(); i++) {
                OutputInfo o = ours.outputs().get(i);
                TaLibCMeta.Output t = theirs.outputs().get(i);
                assertThat(o.name()).as("%s output %d", f.name(), i).isEqualTo(outputName(t.name()));
                assertThat(o.type() == ValueType.INTEGER).as("%s output %s is integer", f.name(), o.name()).isEqualTo(t.isInteger());
            }
        }));
    }

    @Test void catalogAndPendingAreTaLibsFunctions() {
        List<String> names = TaLibC.functionNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList();
        assertThat(names).isEqualTo(CatalogTest.TA_LIB.stream().sorted().toList());
        Catalog.pending().forEach((name, group) ->
                assertThat(group.taLibName()).as("%s is pending in the registry of its TA-Lib group", name).isEqualTo(TaLibC.meta(name).group()));
    }

    /** TA-Lib's name without its prefix, in lower case: {@code optInFastK_Period} is {@code fastk_period}. */
    static String bare(String name, String prefix) {
        return name.substring(prefix.length()).toLowerCase(Locale.ROOT);
    }

    /** python talib's output name: {@code outRealUpperBand} is {@code upperband}, {@code outReal} is {@code real}. */
    static String outputName(String name) {
        String s = name.substring(3);
        if (s.startsWith("Real") && s.length() > 4) s = s.substring(4);
        return s.toLowerCase(Locale.ROOT);
    }
}
