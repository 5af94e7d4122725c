package org.hybridta.xsection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.hybridta.io.AtomicFiles;

/**
 * Draws a correlation matrix as a PNG heatmap with Java2D: symbols grouped by sector (sectors in alphabetical order,
 * symbols alphabetically within each; symbols without a sector last, as "other"), a coloured band and a label for each
 * sector along the left and top edges, thin lines between sectors, and a colour bar from -1 (blue) through 0 (white) to
 * +1 (red). Undefined values are grey.
 *
 * <p>Each symbol gets {@code max(1, 1000 / n)} pixels a side; above 1,000 symbols the matrix is drawn at 1,000 pixels,
 * each the mean of the cells it covers. (XChart's {@code HeatMapChart} draws every cell as a shape with its own
 * tooltip area, which takes minutes and a lot of memory at 500 × 500, and has no sector bands.)
 */
public final class CorrelationHeatmap {
    private static final int TARGET = 1000;
    private static final int LABELS = 230, TOP = 60, BAND = 14, GAP = 6, BAR = 22, BAR_LABELS = 60, BOTTOM = 30;
    private static final Color NAN = new Color(200, 200, 200);
    private static final Color[] SECTOR_COLOURS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
        new Color(0x86BCB6), new Color(0x8CD17D)};

    private CorrelationHeatmap() {}

    /**
     * Writes {@code correlation} to {@code png} (atomically).
     *
     * @param sectorOf each symbol's sector ({@code ""} or absent: "other")
     * @param title    the line above the heatmap, e.g. the universe and the dates
     */
    public static void write(SymbolMatrix correlation, Map<String, String> sectorOf, String title, Path png) throws IOException {
        BufferedImage image = render(correlation, sectorOf, title);
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
        });
    }

    static BufferedImage render(SymbolMatrix correlation, Map<String, String> sectorOf, String title) {
        Objects.requireNonNull(sectorOf, "sectorOf");
        int n = correlation.size();
        if (n == 0) throw new IllegalArgumentException("the correlation matrix is empty");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        List<String> symbols = correlation.symbols();
        Comparator<Integer> bySector = Comparator.comparing((Integer i) -> sector(sectorOf, symbols.get(i)).isEmpty())
                .thenComparing(i -> sector(sectorOf, symbols.get(i)))
                .thenComparing(symbols::get);
        order.sort(bySector);
        // sectors in drawing order, with the index of their first symbol
        Map<String, int[]> sectors = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            String s = sector(sectorOf, symbols.get(order.get(k)));
            int first = k;
            sectors.computeIfAbsent(s.isEmpty() ? "other" : s, x -> new int[] {first, first})[1] = k + 1;
        }

        int side = n >= TARGET ? TARGET : n * Math.max(1, TARGET / n);
        int x0 = LABELS + BAND + GAP, y0 = TOP + BAND + GAP;
        int width = x0 + side + 24 + BAR + BAR_LABELS, height = y0 + side + BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);

            // the cells: pixel (px, py) shows the mean of the cells it covers (one cell, or a block of them)
            double[] v = correlation.values();
            for (int py = 0; py < side; py++) {
                int r0 = (int) ((long) py * n / side), r1 = Math.max(r0 + 1, (int) ((long) (py + 1) * n / side));
                for (int px = 0; px < side; px++) {
                    int c0 = (int) ((long) px * n / side), c1 = Math.max(c0 + 1, (int) ((long) (px + 1) * n / side));
                    double sum = 0;
                    int count = 0;
                    for (int r = r0; r < r1; r++) {
                        int row = order.get(r) * n;
                        for (int c = c0; c < c1; c++) {
                            double x = v[row + order.get(c)];
                            if (!Double.isNaN(x)) {
                                sum += x;
                                count++;
                            }
                        }
                    }
                    img.setRGB(x0 + px, y0 + py, count == 0 ? NAN.getRGB() : colour(sum / count).getRGB());
                }
            }

            // sector bands, separators and labels
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            int k = 0;
            for (Map.Entry<String, int[]> e : sectors.entrySet()) {
                int a = pixel(e.getValue()[0], n, side), b = pixel(e.getValue()[1], n, side);
                Color c = SECTOR_COLOURS[k++ % SECTOR_COLOURS.length];
                g.setColor(c);
                g.fillRect(LABELS, y0 + a, BAND, b - a);
                g.fillRect(x0 + a, TOP, b - a, BAND);
                if (a > 0) {
                    g.setColor(new Color(0, 0, 0, 140));
                    g.setStroke(new BasicStroke(1f));
                    g.drawLine(x0, y0 + a, x0 + side - 1, y0 + a);
                    g.drawLine(x0 + a, y0, x0 + a, y0 + side - 1);
                }
                if (b - a >= fm.getAscent()) {   // a label only where its band is tall enough to tell which it names
                    String label = fit(e.getKey() + " (" + (e.getValue()[1] - e.getValue()[0]) + ")", fm, LABELS - 12);
                    g.setColor(Color.BLACK);
                    g.drawString(label, LABELS - 6 - fm.stringWidth(label), y0 + (a + b) / 2 + fm.getAscent() / 2 - 1);
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x0 - 1, y0 - 1, side + 1, side + 1);

            // colour bar
            int bx = x0 + side + 24;
            for (int py = 0; py < side; py++) {
                g.setColor(colour(1 - 2.0 * py / (side - 1)));
                g.fillRect(bx, y0 + py, BAR, 1);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(bx, y0, BAR, side - 1);
            for (double tick = -1; tick <= 1.0001; tick += 0.5) {
                int py = y0 + (int) Math.round((1 - tick) / 2 * (side - 1));
                g.drawLine(bx + BAR, py, bx + BAR + 4, py);
                g.drawString(String.format(Locale.ROOT, "%+.1f", tick).replace("+0.0", "0"), bx + BAR + 7, py + fm.getAscent() / 2 - 1);
            }

            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(fit(title, g.getFontMetrics(), width - 20), 10, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(n + " symbols ordered by sector" + (side < n ? "; each pixel the mean of " + (n / side) + "+ symbols a side" : ""), 10, 44);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static String sector(Map<String, String> sectorOf, String symbol) {
        String s = sectorOf.get(symbol);
        return s == null ? "" : s.strip();
    }

    private static int pixel(int index, int n, int side) { return (int) ((long) index * side / n); }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) return text;
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) t = t.substring(0, t.length() - 1);
        return t + "…";
    }

    /** -1 blue, 0 white, +1 red (ColorBrewer's RdBu end points), linear in between; clamped. */
    static Color colour(double r) {
        double x = Math.max(-1, Math.min(1, r));
        int[] end = x < 0 ? new int[] {33, 102, 172} : new int[] {178, 24, 43};
        int[] mid = {247, 247, 247};
        double f = Math.abs(x);
        return new Color((int) Math.round(mid[0] + f * (end[0] - mid[0])), (int) Math.round(mid[1] + f * (end[1] - mid[1])),
                (int) Math.round(mid[2] + f * (end[2] - mid[2])));
    }
}
