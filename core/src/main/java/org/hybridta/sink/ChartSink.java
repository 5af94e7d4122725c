package org.hybridta.sink;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.cpu.CpuBackendProvider;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;
import org.hybridta.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one PNG per requested symbol ({@code <directory>/<SYMBOL>.png}): the close with its EMAs and
 * Bollinger bands, an RSI panel and a MACD panel (line, signal, histogram). The EMAs, RSI and MACD are the
 * run's own when it computed them (else EMA 12, RSI 14, MACD 12/26/9); the chart computes what it lacks
 * for the charted symbol on the CPU.
 *
 * <p>Needs XChart ({@code org.knowm.xchart:xchart}) on the class path, of the version HybridTA was built with
 * ({@link #XCHART_VERSION}); {@link #checkDependencies()} draws a small chart when the pipeline is built, so that
 * another version that lacks a class or method fails then, with the version needed, not after the computation.
 * Each PNG is encoded in memory and then written whole or not at all: a full disk leaves no partial PNG.
 */
public final class ChartSink implements ResultSink {
    private static final Logger log = LoggerFactory.getLogger(ChartSink.class);
    private static final int WIDTH = 1400;
    private static final int PRICE_HEIGHT = 560, RSI_HEIGHT = 220, MACD_HEIGHT = 260;

    /** The XChart version HybridTA was built and tested with, e.g. {@code 4.0.3}. */
    public static final String XCHART_VERSION = builtWith();

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

    /**
     * Draws a small chart in memory, through every XChart class and method the charts use.
     *
     * @throws IllegalStateException naming the XChart version needed and the one found, when XChart is missing or
     *                               lacks what the charts use; or why charts cannot be drawn on this machine
     */
    @Override public void checkDependencies() {
        try {
            Charts.render(Charts.sample(), List.of(), false);
        } catch (LinkageError e) {
            if (e instanceof UnsatisfiedLinkError) throw cannotDraw(e);
            throw new IllegalStateException("charts need XChart " + XCHART_VERSION + " (org.knowm.xchart:xchart:" + XCHART_VERSION
                    + ") on the class path; " + xchartFound() + " (" + e + ")", e);
        } catch (RuntimeException | Error e) {   // e.g. AWT without its native libraries or fonts
            throw cannotDraw(e);
        }
    }

    private static IllegalStateException cannotDraw(Throwable e) {
        return new IllegalStateException("charts cannot be drawn here: Java's graphics do not start (" + e
                + "); install the JDK's desktop libraries and fonts (e.g. fontconfig), or drop the charts", e);
    }

    /** Which XChart the class path has, in words. */
    private static String xchartFound() {
        ClassLoader loader = ChartSink.class.getClassLoader();
        URL pom = loader.getResource("META-INF/maven/org.knowm.xchart/xchart/pom.properties");
        if (pom != null) {
            try (InputStream in = pom.openStream()) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) return "it has XChart " + v;
            } catch (IOException e) {
                // fall through
            }
        }
        return loader.getResource("org/knowm/xchart/XYChart.class") == null ? "it has none" : "it has an XChart of unknown version";
    }

    private static String builtWith() {
        try (InputStream in = ChartSink.class.getResourceAsStream("xchart.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "4");
        } catch (IOException e) {
            return "4";
        }
    }

    @Override public void check() throws IOException {
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
            byte[] png = png(Charts.render(output.series(i), output.indicators(), output.isSynthetic()));
            Files.createDirectories(directory);
            AtomicFiles.write(file, out -> out.write(png));
            written.add(file);
        }
        return written;
    }

    /**
     * Encodes {@code image} as PNG in memory: never through ImageIO's file cache, whose streams a failed write
     * leaves to a JDK thread that then fails on its own.
     */
    static byte[] png(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer in this Java runtime");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override public String toString() { return "charts " + directory + " " + symbols; }

    /** The name a chart shows for its symbol: made-up prices say so, so that no one takes the chart for a stock's. */
    static String title(String symbol, boolean synthetic) {
        return synthetic ? symbol + " (synthetic prices, not market data)" : symbol;
    }

    /** The XChart part, in its own class so that XChart is loaded only when a chart is drawn. */
    private static final class Charts {
        /** Sixty bars of a gentle wave: enough for every panel to have lines, for {@link #checkDependencies()}. */
        static BarSeries sample() {
            int n = 60;
            int[] days = new int[n];
            double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
            for (int t = 0; t < n; t++) {
                days[t] = 19_000 + t;
                c[t] = 100 + 5 * Math.sin(t / 6.0);
                o[t] = t == 0 ? c[t] : c[t - 1];
                h[t] = Math.max(o[t], c[t]) + 0.5;
                l[t] = Math.min(o[t], c[t]) - 0.5;
                v[t] = 1_000 + t;
            }
            return BarSeries.of("SAMPLE", days, o, h, l, c, c.clone(), v);
        }

        static BufferedImage render(BarSeries s, List<Indicator> indicators, boolean synthetic) {
            List<Date> dates = new ArrayList<>(s.size());
            for (int t = 0; t < s.size(); t++) dates.add(new Date(s.epochDay(t) * 86_400_000L));

            Set<Indicator> needed = new LinkedHashSet<>();
            List<Indicator> emas = new ArrayList<>();
            Indicator rsi = null;
            Indicator macd = null;
            for (Indicator ind : indicators) {
                if (ind.name().equals("ema")) emas.add(ind);
                if (ind.name().equals("rsi") && rsi == null) rsi = ind;
                if (ind.name().equals("macd") && macd == null) macd = ind;
            }
            if (emas.isEmpty()) emas.add(Indicators.ema(12));
            if (rsi == null) rsi = Indicators.rsi(14);
            if (macd == null) macd = Indicators.macd(12, 26, 9);
            Indicator bb = Indicators.bbands(20, 2);
            needed.addAll(emas);
            needed.add(bb);
            needed.add(rsi);
            needed.add(macd);
            IndicatorValues v;
            try (ComputeBackend cpu = new CpuBackendProvider().create(BackendOptions.builder().threads(1).build())) {
                v = cpu.compute(s, List.copyOf(needed));
            }

            org.knowm.xchart.XYChart price = chart(title(s.symbol(), synthetic) + " — close, EMA, Bollinger bands (" + bb.spec() + ")",
                    PRICE_HEIGHT, "price");
            add(price, "close", dates, s.close(), new Color(30, 30, 30));
            List<Output> bands = bb.outputs();
            add(price, "upper", dates, v.series(bands.get(0).column(), 0), new Color(120, 160, 220));
            add(price, "middle", dates, v.series(bands.get(1).column(), 0), new Color(160, 190, 230));
            add(price, "lower", dates, v.series(bands.get(2).column(), 0), new Color(120, 160, 220));
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
            List<Output> mc = macd.outputs();          // macd, macdsignal, macdhist
            org.knowm.xchart.XYSeries hist = add(macdChart, "histogram", dates, v.series(mc.get(2).column(), 0), new Color(150, 150, 150));
            if (hist != null) {
                hist.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
                hist.setFillColor(new Color(150, 150, 150, 160));
            }
            // one time axis for all panels, whatever each series' lookback
            double first = dates.get(0).getTime(), last = dates.get(dates.size() - 1).getTime();
            for (org.knowm.xchart.XYChart c : List.of(price, rsiChart, macdChart)) c.getStyler().setXAxisMin(first).setXAxisMax(last);
            add(macdChart, "macd", dates, v.series(mc.get(0).column(), 0), new Color(20, 90, 200));
            add(macdChart, "signal", dates, v.series(mc.get(1).column(), 0), new Color(220, 60, 40));

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
