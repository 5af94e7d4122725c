package org.hybridta.benchmarks.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The catalog's kernel table from {@code CudaKernelBenchmarks.main}'s JSON (every function's kernel alone, and the device
 * copy): per function its time, the bytes it moves (inputs read once, outputs written once, as
 * {@code CudaDiagnostics} counts them), the effective bandwidth and its share of the copy's; printed as Markdown, sorted
 * by that share, with a bar chart {@code cuda-catalog-bandwidth.png} and a summary against issue 16's goals (every
 * function 50% of the copy, the 18 original ones 60%) and the two references it names.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.cuda.CudaCatalogReport catalog.json [LATER.json...] OUTDIR</pre>
 *
 * <p>The first file gives the device copy; a later file's kernel (double) replaces the same spec's from earlier ones (a
 * rerun of the kernels that changed).
 */
public final class CudaCatalogReport {
    private CudaCatalogReport() {}

    /** Shares of the H200's copy bandwidth (4.21 TB/s) that issue 16 quotes: a plain time-major EMA 1.31 TB/s, numba 0.38. */
    static final double PLAIN_EMA = 1.31 / 4.21, NUMBA = 0.38 / 4.21;

    record Row(Indicator ind, double ms, double bytes, double share, boolean original) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CudaCatalogReport catalog.json [LATER.json...] OUTDIR");
            System.exit(2);
        }
        double copyMs = Double.NaN;
        // by canonical spec ("macdext" is "macdext:12:sma:26:sma:9:sma"): a later file's kernel replaces the catalog's run
        // of the same spec, and its other specs are left out, so that the table stays one row per catalog function
        java.util.Map<String, CudaPlots.Result> kernels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            for (CudaPlots.Result r : CudaPlots.read(Path.of(args[i]))) {
                if (r.benchmark().equals("CudaCopyBenchmarks.deviceCopy") && i == 0) copyMs = r.ms();
                else if (r.benchmark().equals("CudaKernelBenchmarks.kernel") && r.param("precision").equals("DOUBLE")) {
                    String spec = Indicators.parse(r.param("indicator")).spec();
                    if (i == 0 || kernels.containsKey(spec)) kernels.put(spec, r);
                }
            }
        }
        if (Double.isNaN(copyMs) || kernels.isEmpty()) throw new IllegalArgumentException(args[0] + ": needs the device copy and the kernels");
        double copyBw = 2.0 * CudaCopyBenchmarks.COPY_BYTES / (copyMs / 1e3);
        Set<String> originals = new java.util.HashSet<>();
        for (Indicator i : FirstIndicators.all()) originals.add(i.name());
        List<Row> rows = new ArrayList<>();
        for (CudaPlots.Result r : kernels.values()) {
            Indicator ind = Indicators.parse(r.param("indicator"));
            double cells = Double.parseDouble(r.param("series")) * Double.parseDouble(r.param("bars"));
            double bytes = cells * ((double) Double.BYTES * ind.inputFields().size() + (double) Double.BYTES * ind.outputs().size());
            rows.add(new Row(ind, r.ms(), bytes, bytes / (r.ms() / 1e3) / copyBw, originals.contains(ind.name())));
        }
        rows.sort(Comparator.comparingDouble(Row::share).reversed());
        System.out.printf(Locale.ROOT, "device copy %.2f TB/s (read + write); %d kernels%n%n", copyBw / 1e12, rows.size());
        System.out.println("| function | group | time (ms) | bytes moved (GB) | effective TB/s | of copy bandwidth | against the plain EMA kernel |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        for (Row r : rows) {
            boolean met = r.share >= (r.original ? 0.6 : 0.5);
            System.out.printf(Locale.ROOT, "| %s%s | %s | %.2f | %.1f | %.2f | %s%.0f%%%s | %.1fx |%n", r.ind.spec(), r.original ? " (original)" : "",
                    r.ind.function().group().taLibName(), r.ms, r.bytes / 1e9, r.bytes / (r.ms / 1e3) / 1e12, met ? "" : "**", 100 * r.share,
                    met ? "" : "**", r.share / PLAIN_EMA);
        }
        long all50 = rows.stream().filter(r -> r.share >= 0.5).count();
        long orig60 = rows.stream().filter(r -> r.original && r.share >= 0.6).count();
        long origs = rows.stream().filter(Row::original).count();
        long overPlain = rows.stream().filter(r -> r.share >= PLAIN_EMA).count();
        long overNumba = rows.stream().filter(r -> r.share >= NUMBA).count();
        System.out.printf(Locale.ROOT, "%nat least 50%% of copy: %d of %d; originals at least 60%%: %d of %d; at or above the plain EMA kernel's share"
                + " (%.0f%%): %d; at or above numba's (%.0f%%): %d%n", all50, rows.size(), orig60, origs, 100 * PLAIN_EMA, overPlain, 100 * NUMBA, overNumba);
        chart(rows, Path.of(args[args.length - 1]));
    }

    private static void chart(List<Row> rows, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> names = new ArrayList<>();
        List<Double> share = new ArrayList<>(), goal = new ArrayList<>(), plain = new ArrayList<>(), numba = new ArrayList<>();
        for (Row r : rows) {
            names.add(r.ind.name());
            share.add(100 * r.share);
            goal.add(50.0);
            plain.add(100 * PLAIN_EMA);
            numba.add(100 * NUMBA);
        }
        CategoryChart chart = new CategoryChartBuilder().width(1600).height(600)
                .title("CUDA kernels of the catalog, 10,000 x 25,000 double: share of the device copy's bandwidth")
                .xAxisTitle("function (sorted)").yAxisTitle("% of copy bandwidth (bytes read once + written once)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 8));
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("kernel", names, share);
        chart.addSeries("goal: 50% (originals 60%)", names, goal).setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        chart.addSeries("plain one-thread-per-series EMA", names, plain).setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        chart.addSeries("numba (the seed notebook)", names, numba).setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, out.resolve("cuda-catalog-bandwidth").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
