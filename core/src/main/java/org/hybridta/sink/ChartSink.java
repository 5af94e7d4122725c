package org.hybridta.sink;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.cpu.CpuBackendProvider;
import org.hybridta.indicator.Bbands;
import org.hybridta.indicator.Ema;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Macd;
import org.hybridta.indicator.Rsi;
import org.hybridta.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one PNG per requested symbol ({@code <directory>/<SYMBOL>.png}): the close with its EMAs and
 * Bollinger bands, an RSI panel and a MACD panel (line, signal, histogram). The EMAs, RSI and MACD are the
 * run's own when it computed them (else EMA 12, RSI 14, MACD 12/26/9); the chart computes what it lacks
 * for the charted symbol on the CPU. Needs XChart ({@code org.knowm.xchart:xchart}) on the class path.
 */
public final class ChartSink implements ResultSink {
    private static final Logger log = LoggerFactory.getLogger(ChartSink.class);
    private static final int WIDTH = 1400;
    private static final int PRICE_HEIGHT = 560, RSI_HEIGHT = 220, MACD_HEIGHT = 260;

    private final Path directory;
    private final List<String> symbols;

    private ChartSink(Path directory, List<String> symbols) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.symbols = List.copyOf(symbols);
    }

    /** Charts {@code symbols} into {@code directory}. */
    public static ChartSink to(Path directory, List<String> symbols) {
        return new ChartSink(directory, symbols);
    }

    @Override public void check() throws IOException {
        try {
            Class.forName("org.knowm.xchart.XYChart", false, ChartSink.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("charts need XChart on the class path (org.knowm.xchart:xchart)");
        }
        AtomicFiles.checkWritable(directory);
    }

    @Override public List<Path> write(RunOutput output) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String symbol : symbols) {
            int i = output.indexOf(symbol);
            if (i < 0) {
                log.warn("no chart for {}: it has no results in this run", symbol);
                continue;
            }
            Path file = directory.resolve(symbol.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            BufferedImage image = Charts.render(output, i);
            Files.createDirectories(directory);
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
            });
            written.add(file);
        }
        return written;
    }

    @Override public String toString() { return "charts " + directory + " " + symbols; }

    /** The name a chart shows for its symbol: made-up prices say so, so that no one takes the chart for a stock's. */
    static String title(String symbol, boolean synthetic) {
        return synthetic ? symbol + " (synthetic prices, not market data)" : symbol;
    }

    /** The XChart part, in its own class so that XChart is loaded only when a chart is drawn. */
    private static final class Charts {
        static BufferedImage render(RunOutput output, int i) {
            BarSeries s = output.series(i);
            List<Date> dates = new ArrayList<>(s.size());
            for (int t = 0; t < s.size(); t++) dates.add(new Date(s.epochDay(t) * 86_400_000L));

            Set<Indicator> needed = new LinkedHashSet<>();
            List<Ema> emas = new ArrayList<>();
            Rsi rsi = null;
            Macd macd = null;
            for (Indicator ind : output.indicators()) {
                if (ind instanceof Ema e) emas.add(e);
                if (ind instanceof Rsi r && rsi == null) rsi = r;
                if (ind instanceof Macd m && macd == null) macd = m;
            }
            if (emas.isEmpty()) emas.add(Indicators.ema(12));
            if (rsi == null) rsi = Indicators.rsi(14);
            if (macd == null) macd = Indicators.macd(12, 26, 9);
            Bbands bb = Indicators.bbands(20, 2);
            needed.addAll(emas);
            needed.add(bb);
            needed.add(rsi);
            needed.add(macd);
            IndicatorValues v;
            try (ComputeBackend cpu = new CpuBackendProvider().create(BackendOptions.builder().threads(1).build())) {
                v = cpu.compute(s, List.copyOf(needed));
            }

            org.knowm.xchart.XYChart price = chart(title(s.symbol(), output.isSynthetic()) + " — close, EMA, Bollinger bands (" + bb.spec() + ")",
                    PRICE_HEIGHT, "price");
            add(price, "close", dates, s.close(), new Color(30, 30, 30));
            String bbCol = bb.column();
            add(price, "upper", dates, v.series(bbCol + "_upper", 0), new Color(120, 160, 220));
            add(price, "middle", dates, v.series(bbCol + "_middle", 0), new Color(160, 190, 230));
            add(price, "lower", dates, v.series(bbCol + "_lower", 0), new Color(120, 160, 220));
            Color[] emaColors = {new Color(230, 120, 20), new Color(40, 160, 60), new Color(170, 50, 170)};
            for (int k = 0; k < emas.size(); k++) {
                add(price, emas.get(k).spec(), dates, v.series(emas.get(k).column(), 0), emaColors[k % emaColors.length]);
            }

            org.knowm.xchart.XYChart rsiChart = chart(rsi.spec(), RSI_HEIGHT, "RSI");
            add(rsiChart, rsi.spec(), dates, v.series(rsi.column(), 0), new Color(110, 60, 170));
            double[] seventy = new double[s.size()], thirty = new double[s.size()];
            java.util.Arrays.fill(seventy, 70);
            java.util.Arrays.fill(thirty, 30);
            add(rsiChart, "70", dates, seventy, Color.GRAY);
            add(rsiChart, "30", dates, thirty, Color.GRAY);
            rsiChart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);

            org.knowm.xchart.XYChart macdChart = chart(macd.spec(), MACD_HEIGHT, "MACD");
            String mc = macd.column();
            org.knowm.xchart.XYSeries hist = add(macdChart, "histogram", dates, v.series(mc + "_hist", 0), new Color(150, 150, 150));
            if (hist != null) {
                hist.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
                hist.setFillColor(new Color(150, 150, 150, 160));
            }
            // one time axis for all panels, whatever each series' lookback
            double first = dates.get(0).getTime(), last = dates.get(dates.size() - 1).getTime();
            for (org.knowm.xchart.XYChart c : List.of(price, rsiChart, macdChart)) c.getStyler().setXAxisMin(first).setXAxisMax(last);
            add(macdChart, "macd", dates, v.series(mc, 0), new Color(20, 90, 200));
            add(macdChart, "signal", dates, v.series(mc + "_signal", 0), new Color(220, 60, 40));

            BufferedImage img = new BufferedImage(WIDTH, PRICE_HEIGHT + RSI_HEIGHT + MACD_HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, img.getWidth(), img.getHeight());
                g.drawImage(org.knowm.xchart.BitmapEncoder.getBufferedImage(price), 0, 0, null);
                g.drawImage(org.knowm.xchart.BitmapEncoder.getBufferedImage(rsiChart), 0, PRICE_HEIGHT, null);
                g.drawImage(org.knowm.xchart.BitmapEncoder.getBufferedImage(macdChart), 0, PRICE_HEIGHT + RSI_HEIGHT, null);
            } finally {
                g.dispose();
            }
            return img;
        }

        private static org.knowm.xchart.XYChart chart(String title, int height, String yTitle) {
            org.knowm.xchart.XYChart c = new org.knowm.xchart.XYChartBuilder().width(WIDTH).height(height).title(title).yAxisTitle(yTitle).build();
            org.knowm.xchart.style.XYStyler st = c.getStyler();
            st.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
            st.setMarkerSize(0);
            st.setDatePattern("yyyy-MM-dd");
            st.setChartBackgroundColor(Color.WHITE);
            st.setPlotGridLinesColor(new Color(230, 230, 230));
            st.setAntiAlias(true);
            return c;
        }

        /** Adds the finite part of a series (leading NaNs dropped); returns null when nothing is left. */
        private static org.knowm.xchart.XYSeries add(org.knowm.xchart.XYChart c, String name, List<Date> dates, double[] y, Color color) {
            int first = 0;
            while (first < y.length && Double.isNaN(y[first])) first++;
            if (first == y.length) return null;
            List<Date> x = dates.subList(first, y.length);
            List<Double> ys = new ArrayList<>(y.length - first);
            for (int t = first; t < y.length; t++) ys.add(y[t]);
            org.knowm.xchart.XYSeries series = c.addSeries(name, x, ys);
            series.setLineColor(color);
            series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            series.setLineWidth(1.2f);
            return series;
        }
    }
}
