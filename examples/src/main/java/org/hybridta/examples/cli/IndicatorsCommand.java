package org.hybridta.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.InputInfo;
import org.hybridta.indicator.MaType;
import org.hybridta.indicator.OutputInfo;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;
import org.hybridta.functions.Functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybridta indicators}: the catalog, as text by group or as JSON, from the functions' own metadata. */
@Command(name = "indicators",
        mixinStandardHelpOptions = true,
        description = {
                "Lists every indicator HybridTA computes (TA-Lib's functions), by TA-Lib group, with a one-line description, "
                        + "the parameters in the order of the text form (with TA-Lib's defaults and ranges) and the outputs.",
                "",
                "A spec is the name in lower case, then parameters separated by ':' in this order, or name=value in any order; "
                        + "parameters not given take the defaults; MA types by name (sma, ema, ...); fields of one-series "
                        + "functions after '@' (sma:20@volume). Examples: sma:50  macd:12:26:9  stoch:fastk_period=14  bbands:20:2"},
        sortOptions = false,
        usageHelpAutoWidth = true)
final class IndicatorsCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: per function its name, group, description, inputs, parameters "
            + "(name, type, default, min, max) and outputs.")
    private boolean json;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(Indicators.functions()) : text(Indicators.functions(), Functions.pending()));
        out.flush();
        return HybridTa.OK;
    }

    static String text(List<FunctionInfo> functions, Map<String, Group> pending) {
        StringBuilder b = new StringBuilder();
        Group group = null;
        for (FunctionInfo f : functions) {
            if (f.group() != group) {
                group = f.group();
                b.append(b.length() == 0 ? "" : "\n").append(group.taLibName()).append('\n');
            }
            b.append(String.format("  %-20s %s%n", f.name() + params(f), f.description()));
            b.append(String.format("  %-20s outputs: %s%n", "", outputs(f)));
        }
        b.append('\n').append(functions.size()).append(" functions");
        if (!pending.isEmpty()) b.append("; not ported yet: ").append(String.join(" ", new TreeMap<>(pending).keySet()));
        return b.append('\n').toString();
    }

    /** {@code :timeperiod=30} per parameter, the range after it where it is not a period's. */
    private static String params(FunctionInfo f) {
        StringBuilder b = new StringBuilder();
        for (ParamInfo p : f.params()) b.append(':').append(p.name()).append('=').append(value(p, p.defaultValue()));
        return b.toString();
    }

    private static String outputs(FunctionInfo f) {
        StringBuilder b = new StringBuilder();
        for (OutputInfo o : f.outputs()) b.append(b.length() == 0 ? "" : ", ").append(o.name()).append(o.type() == org.hybridta.indicator.ValueType.INTEGER ? " (integer)" : "");
        return b.toString();
    }

    private static String value(ParamInfo p, double v) {
        if (p.type() == ParamType.MA_TYPE) return MaType.of((int) v).text();
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String json(List<FunctionInfo> functions) {
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < functions.size(); i++) {
            FunctionInfo f = functions.get(i);
            b.append("  {\"name\": ").append(quote(f.name()))
                    .append(", \"group\": ").append(quote(f.group().taLibName()))
                    .append(", \"description\": ").append(quote(f.description()))
                    .append(",\n   \"inputs\": [");
            for (int k = 0; k < f.inputs().size(); k++) {
                InputInfo in = f.inputs().get(k);
                b.append(k == 0 ? "" : ", ").append("{\"name\": ").append(quote(in.name())).append(", \"fields\": [");
                for (int j = 0; j < in.fields().size(); j++) b.append(j == 0 ? "" : ", ").append(quote(in.fields().get(j).columnName()));
                b.append("], \"selectable\": ").append(in.selectable()).append('}');
            }
            b.append("],\n   \"params\": [");
            for (int k = 0; k < f.params().size(); k++) {
                ParamInfo p = f.params().get(k);
                b.append(k == 0 ? "" : ", ").append("{\"name\": ").append(quote(p.name()))
                        .append(", \"type\": ").append(quote(p.type().name().toLowerCase(java.util.Locale.ROOT)));
                if (p.type() == ParamType.MA_TYPE) {
                    b.append(", \"default\": ").append(quote(value(p, p.defaultValue())));
                } else {
                    b.append(", \"default\": ").append(number(p.defaultValue())).append(", \"min\": ").append(number(p.min()))
                            .append(", \"max\": ").append(number(p.max()));
                }
                b.append('}');
            }
            b.append("],\n   \"outputs\": [");
            for (int k = 0; k < f.outputs().size(); k++) {
                OutputInfo o = f.outputs().get(k);
                b.append(k == 0 ? "" : ", ").append("{\"name\": ").append(quote(o.name())).append(", \"type\": ")
                        .append(quote(o.type().name().toLowerCase(java.util.Locale.ROOT))).append('}');
            }
            b.append("]}").append(i + 1 < functions.size() ? ",\n" : "\n");
        }
        return b.append("]\n").toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
