package org.hybridta.benchmarks.cpu;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hybridta.benchmarks.cpu.JmhScores.Score;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.AtomicFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns {@link FunctionBenchmarks}' JSON results (one file per shard, or several runs: each benchmark's best
 * median is taken, see {@link JmhScores#best}) into {@code function-benchmarks.md} — one Markdown table per TA-Lib
 * group, functions sorted from the lowest kernel-vs-TA-Lib-C ratio up, and a summary line — and
 * {@code cpu-functions-ratio.png}, the ratio of every function (log scale), both in the output folder. The
 * Markdown is printed too.
 *
 * <pre>java -cp benchmarks.jar org.hybridta.benchmarks.cpu.FunctionReport [--label TEXT] OUTPUT_DIR RESULTS.json [MORE.json ...]</pre>
 */
public final class FunctionReport {
    private FunctionReport() {}

    /** One function's medians (null where not measured) and TA-Lib C's time over HybridTA's kernel time. */
    record Row(Indicator function, Score kernel, Score compute, Score talib, Score ta4j) {
        double ratio() {
            return kernel == null || talib == null ? Double.NaN : talib.median() / kernel.median();
        }

        double computeRatio() {
            return compute == null || talib == null ? Double.NaN : talib.median() / compute.median();
        }
    }

    public static void main(String[] args) throws IOException {
        String label = "";
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() >= 2 && rest.get(0).equals("--label")) {
            label = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() < 2) {
            System.err.println("usage: FunctionReport [--label TEXT] OUTPUT_DIR RESULTS.json [MORE_RESULTS.json ...]");
            System.exit(2);
        }
        Path outDir = Path.of(rest.get(0));
        List<Map<String, Score>> runs = new ArrayList<>();
        for (String file : rest.subList(1, rest.size())) {
            Path json = Path.of(file);
            if (!Files.isRegularFile(json)) {
                System.err.println("FunctionReport: " + json + ": no such file (give the JSON files written by FunctionBenchmarks)");
                System.exit(2);
            }
            runs.add(JmhScores.read(json));
        }
        List<Row> rows = rows(JmhScores.best(runs));
        if (rows.isEmpty()) {
            System.err.println("FunctionReport: no FunctionBenchmarks results in " + String.join(", ", rest.subList(1, rest.size())));
            System.exit(2);
        }
        String markdown = markdown(rows, label);
        Files.createDirectories(outDir);
        AtomicFiles.writeText(outDir.resolve("function-benchmarks.md"), w -> w.write(markdown));
        System.out.print(markdown);
        try {
            CpuPlots.save(chart(rows, label), outDir.resolve("cpu-functions-ratio.png"));
        } catch (LinkageError e) {   // a runtime without java.desktop (the GPU machine's jlink image)
            System.err.println("FunctionReport: no plot (" + e + "): run FunctionReport on a full JDK for cpu-functions-ratio.png");
        }
    }

    /** The functions of the catalog that have at least one result, in catalog order. */
    static List<Row> rows(Map<String, Score> s) {
        List<Row> rows = new ArrayList<>();
        for (Indicator ind : Indicators.catalog()) {
            Row r = new Row(ind, score(s, "hybridta", ind), score(s, "hybridtaCompute", ind), score(s, "talibC", ind), score(s, "ta4j", ind));
            if (r.kernel != null || r.compute != null || r.talib != null || r.ta4j != null) rows.add(r);
        }
        return rows;
    }

    private static Score score(Map<String, Score> s, String method, Indicator ind) {
        return s.get("FunctionBenchmarks." + method + "[bars=1000000,function=" + ind.name() + "]");
    }

    static String markdown(List<Row> rows, String label) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(summary(rows) + (label.isEmpty() ? "" : " " + label + "."));
        out.println();
        out.println("Median ms per call on 1,000,000 bars, one thread; ratio = TA-Lib C's time / HybridTA's kernel time "
                + "(above 1: HybridTA faster). Each group's functions from the lowest ratio up.");
        for (Group g : Group.values()) {
            List<Row> group = rows.stream().filter(r -> r.function.function().group() == g)
                    .sorted(Comparator.comparingDouble(FunctionReport::sortKey)).toList();
            if (group.isEmpty()) continue;
            out.println();
            out.println("#### " + g.taLibName());
            out.println();
            out.println("| function | HybridTA kernel ms | compute ms | TA-Lib C ms | ta4j ms | kernel vs TA-Lib C |");
            out.println("|---|--:|--:|--:|--:|--:|");
            for (Row r : group) {
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.function.name(), ms(r.kernel), ms(r.compute), ms(r.talib),
                        ms(r.ta4j), ratio(r.ratio()));
            }
        }
        out.flush();
        return text.toString();
    }

    /** How many functions meet the goal (kernel at least TA-Lib C's speed), the misses, and the geometric means. */
    static String summary(List<Row> rows) {
        List<Row> measured = rows.stream().filter(r -> !Double.isNaN(r.ratio())).toList();
        List<String> missed = measured.stream().filter(r -> r.ratio() < 1).sorted(Comparator.comparingDouble(Row::ratio))
                .map(r -> r.function.name() + " " + ratio(r.ratio())).toList();
        String line = String.format(Locale.ROOT, "**%d of %d functions at or above TA-Lib C's speed** (HybridTA kernel, reused outputs); "
                + "geometric mean of TA-Lib C time / HybridTA time: kernel %s, compute %s",
                measured.size() - missed.size(), measured.size(), ratio(geomean(measured, Row::ratio)), ratio(geomean(measured, Row::computeRatio)));
        return missed.isEmpty() ? line + "." : line + ". Below 1×: " + String.join(", ", missed) + ".";
    }

    private static double geomean(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        double sum = 0;
        int n = 0;
        for (Row r : rows) {
            double v = f.applyAsDouble(r);
            if (v > 0 && Double.isFinite(v)) {
                sum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(sum / n);
    }

    private static double sortKey(Row r) {
        double v = r.ratio();
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }

    private static String ms(Score s) {
        return s == null ? "—" : JmhScores.fmt(s.median());
    }

    static String ratio(double r) {
        if (Double.isNaN(r)) return "n/a";
        return String.format(Locale.ROOT, r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×", r);
    }

    /** Every function's ratio, lowest first, blue where the goal is met and red where not; log scale. */
    private static CategoryChart chart(List<Row> rows, String label) {
        Color met = new Color(0x1f77b4), missed = new Color(0xd62728);
        List<Row> sorted = rows.stream().filter(r -> !Double.isNaN(r.ratio())).sorted(Comparator.comparingDouble(Row::ratio)).toList();
        if (sorted.isEmpty()) throw new IllegalArgumentException("FunctionReport: no function has both a kernel and a TA-Lib C result to plot");
        List<String> names = new ArrayList<>();
        List<Double> above = new ArrayList<>(), below = new ArrayList<>(), all = new ArrayList<>();
        for (Row r : sorted) {
            names.add(r.function.name());
            above.add(r.ratio() >= 1 ? r.ratio() : Double.NaN);
            below.add(r.ratio() < 1 ? r.ratio() : Double.NaN);
            all.add(r.ratio());
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(900, 16 * names.size() + 200)).height(640)
                .title("TA-Lib C time / HybridTA kernel time, 1,000,000 bars, one thread (above 1: HybridTA faster)"
                        + (label.isEmpty() ? "" : " — " + label))
                .xAxisTitle("function (TA-Lib defaults)").yAxisTitle("speed ratio").build();
        var st = chart.getStyler();
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridVerticalLinesVisible(false);
        st.setOverlapped(true);
        st.setAvailableSpaceFill(0.8);
        st.setXAxisLabelRotation(90);
        chart.addSeries("at least TA-Lib C's speed", names, above).setFillColor(met);
        chart.addSeries("slower than TA-Lib C", names, below).setFillColor(missed);
        all.add(1.0);
        CpuPlots.logBounds(chart, all);
        return chart;
    }
}
