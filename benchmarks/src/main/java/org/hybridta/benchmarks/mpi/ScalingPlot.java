package org.hybridta.benchmarks.mpi;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the results of {@link MpiScaling} (the {@code results.tsv} that {@code benchmarks/mpi-scaling.sh} writes) as
 * one PNG: the speed-up of the total over the fewest ranks measured, per universe, against the ideal; and for each
 * universe the median time of each stage, stacked, per rank count.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.mpi.ScalingPlot results.tsv docs/img/mpi-scaling.png "title"</pre>
 */
public final class ScalingPlot {
    private static final int PANEL_WIDTH = 520, PANEL_HEIGHT = 420, TITLE_HEIGHT = 34;
    private static final String[] STAGES = {"partition", "fetch", "compute", "gather", "write"};

    private ScalingPlot() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScalingPlot RESULTS.tsv OUT.png [TITLE [X-AXIS TITLE]]");
            System.exit(2);
        }
        Map<String, TreeMap<Integer, Map<String, Double>>> results = read(Path.of(args[0]));
        if (results.isEmpty()) throw new IllegalArgumentException(args[0] + " holds no results");
        String title = args.length > 2 ? args[2] : "HybridTA over MPI ranks";
        String xTitle = args.length > 3 ? args[3] : "MPI ranks (one core each)";

        List<BufferedImage> panels = new ArrayList<>();
        panels.add(BitmapEncoder.getBufferedImage(speedUp(results, xTitle)));
        for (var u : results.entrySet()) panels.add(BitmapEncoder.getBufferedImage(stages(u.getKey(), u.getValue())));

        BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), PANEL_HEIGHT + TITLE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 12, 23);
            for (int i = 0; i < panels.size(); i++) g.drawImage(panels.get(i), i * PANEL_WIDTH, TITLE_HEIGHT, null);
        } finally {
            g.dispose();
        }
        Path out = Path.of(args[1]);
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(image, "png", out.toFile());
        System.out.println("wrote " + out);
    }

    /** universe → ranks → metric → median ms (the share in percent). */
    static Map<String, TreeMap<Integer, Map<String, Double>>> read(Path tsv) throws IOException {
        Map<String, TreeMap<Integer, Map<String, Double>>> results = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank() || line.startsWith("universe\t")) continue;
            String[] f = line.split("\t");
            double value = Double.parseDouble(f[8]);
            String metric = f[7];
            if (metric.equals("mpi_share_ppm")) {
                metric = "mpi_share_percent";
                value /= 1e4;
            }
            results.computeIfAbsent(f[0], k -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(f[1]), k -> new LinkedHashMap<>())
                    .put(metric, value);
        }
        return results;
    }

    private static XYChart speedUp(Map<String, TreeMap<Integer, Map<String, Double>>> results, String xTitle) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title("Speed-up of the whole run")
                .xAxisTitle(xTitle).yAxisTitle("speed-up over the fewest ranks").build();
        int maxRanks = 1, minRanks = Integer.MAX_VALUE;
        for (var u : results.entrySet()) {
            TreeMap<Integer, Map<String, Double>> byRanks = u.getValue();
            double base = byRanks.firstEntry().getValue().get("total");
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (var r : byRanks.entrySet()) {
                x.add(r.getKey());
                y.add(base / r.getValue().get("total"));
            }
            maxRanks = Math.max(maxRanks, byRanks.lastKey());
            minRanks = Math.min(minRanks, byRanks.firstKey());
            chart.addSeries(u.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        XYSeries ideal = chart.addSeries("ideal", List.of(minRanks, maxRanks), List.of(1.0, (double) maxRanks / minRanks));
        ideal.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static CategoryChart stages(String universe, TreeMap<Integer, Map<String, Double>> byRanks) {
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(universe + ": median time per stage").xAxisTitle("MPI ranks").yAxisTitle("milliseconds").build();
        List<String> x = byRanks.keySet().stream().map(String::valueOf).toList();
        for (String stage : STAGES) {
            chart.addSeries(stage, x, byRanks.values().stream().map(m -> m.getOrDefault(stage, 0.0)).toList());
        }
        // what the stages leave out of the total: the broadcasts and the pipeline's own bookkeeping
        chart.addSeries("other", x, byRanks.values().stream().map(m -> {
            double sum = 0;
            for (String s : STAGES) sum += m.getOrDefault(s, 0.0);
            return Math.max(0, m.getOrDefault("total", 0.0) - sum);
        }).toList());
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        return chart;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    }
}
