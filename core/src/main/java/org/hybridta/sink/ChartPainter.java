package org.hybridta.sink;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hybridta.sink.ChartPlan.Band;
import org.hybridta.sink.ChartPlan.Candle;
import org.hybridta.sink.ChartPlan.Line;
import org.hybridta.sink.ChartPlan.Marker;
import org.hybridta.sink.ChartPlan.PatternKey;
import org.hybridta.sink.ChartPlan.Tick;

/**
 * Draws a {@link ChartPlan} with Java 2D alone: panels stacked on one date axis (the price, the volume, then one per
 * indicator), each with its legend in a strip above its plot, so that no legend covers data; value labels on the
 * right, date labels under the last panel, grid lines at the plan's ticks.
 */
final class ChartPainter {
    static final int WIDTH = 1400;
    static final int LEFT = 12, AXIS = 76;
    /** The plot's width: the x axis of every panel. */
    static final int PLOT_WIDTH = WIDTH - LEFT - AXIS;
    static final int TITLE = 34, PRICE = 430, VOLUME = 100, INDICATOR = 150, DATES = 26, GAP = 8;
    static final int MARKER = 8;
    private static final int ROW = 17;
    private static final Color GRID = new Color(232, 232, 232), YEAR_GRID = new Color(200, 200, 200), FRAME = new Color(190, 190, 190),
            TEXT = new Color(40, 40, 40), LEVEL = new Color(150, 150, 150);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12), TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private ChartPainter() {}

    /** One legend entry: a glyph and its words. */
    private record Entry(Glyph glyph, Color color, Color second, String text) {}

    private enum Glyph { LINE, BAR, DOTS, CANDLE, MARKERS, NONE }

    private static Glyph glyph(Line l) {
        return switch (l.style()) {
            case LINE -> Glyph.LINE;
            case BARS -> Glyph.BAR;
            case DOTS -> Glyph.DOTS;
        };
    }

    /** A panel's place on the image and its value range. */
    record Area(int top, int height, double lo, double hi) {
        double y(double v) { return top + (hi - v) / (hi - lo) * height; }
    }

    static BufferedImage paint(ChartPlan p) {
        FontMetrics fm = metrics();
        List<Entry> priceKey = priceLegend(p);
        List<List<Entry>> keys = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        keys.add(priceKey);
        heights.add(PRICE);
        if (p.volume) {
            List<Entry> k = new ArrayList<>();
            k.add(new Entry(Glyph.BAR, ChartPlan.UP, ChartPlan.DOWN, "volume"));
            for (Line l : p.volumeLines) k.add(new Entry(glyph(l), l.color(), l.color(), l.name()));
            keys.add(k);
            heights.add(VOLUME);
        }
        for (ChartPlan.Panel panel : p.panels) {
            List<Entry> k = new ArrayList<>();
            for (Line l : panel.lines()) k.add(new Entry(glyph(l), l.color(), l.color(), l.name()));
            keys.add(k);
            heights.add(INDICATOR);
        }
        int total = TITLE;
        for (int i = 0; i < keys.size(); i++) total += legendHeight(keys.get(i), fm) + heights.get(i) + GAP;
        total += DATES;

        BufferedImage img = new BufferedImage(WIDTH, total, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, total);
            g.setFont(TITLE_FONT);
            g.setColor(TEXT);
            g.drawString(p.title, LEFT, 22);
            g.setFont(FONT);

            int y = TITLE;
            int panel = 0;
            y = legend(g, keys.get(panel), y);
            Area price = priceArea(p, y, heights.get(panel));
            frame(g, p, price);
            paintPrice(g, p, price);
            y += heights.get(panel++) + GAP;
            if (p.volume) {
                y = legend(g, keys.get(panel), y);
                double hi = 0;
                for (Candle c : p.candles) hi = Math.max(hi, c.volume());
                for (Line l : p.volumeLines) hi = Math.max(hi, max(l.values()));
                Area a = new Area(y, heights.get(panel), 0, hi > 0 ? hi * 1.05 : 1);
                frame(g, p, a);
                for (Candle c : p.candles) {
                    Color col = c.up() ? ChartPlan.UP : ChartPlan.DOWN;
                    g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 150));
                    double[] xw = candleX(p, c);
                    double top = a.y(c.volume());
                    g.fill(new java.awt.geom.Rectangle2D.Double(xw[0] - xw[1] / 2, top, xw[1], a.y(0) - top));
                }
                for (Line l : p.volumeLines) line(g, p, a, l);
                y += heights.get(panel++) + GAP;
            }
            for (ChartPlan.Panel ip : p.panels) {
                y = legend(g, keys.get(panel), y);
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (Line l : ip.lines()) {
                    lo = Math.min(lo, min(l.values()));
                    hi = Math.max(hi, max(l.values()));
                    if (l.bars()) {
                        lo = Math.min(lo, 0);
                        hi = Math.max(hi, 0);
                    }
                }
                for (double level : ip.levels()) {
                    lo = Math.min(lo, level);
                    hi = Math.max(hi, level);
                }
                Area a = padded(y, heights.get(panel), lo, hi, 0, 0);
                frame(g, p, a);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
                g.setColor(LEVEL);
                for (double level : ip.levels()) g.draw(new java.awt.geom.Line2D.Double(LEFT, a.y(level), LEFT + PLOT_WIDTH, a.y(level)));
                if (lo < 0 && hi > 0 && ip.levels().length == 0) g.draw(new java.awt.geom.Line2D.Double(LEFT, a.y(0), LEFT + PLOT_WIDTH, a.y(0)));
                for (Band b : ip.bands()) band(g, p, a, b);
                for (Line l : ip.lines()) if (l.bars()) bars(g, p, a, l);
                for (Line l : ip.lines()) if (!l.bars()) line(g, p, a, l);
                y += heights.get(panel++) + GAP;
            }
            dates(g, p, y - GAP);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The candles' key, then the price lines', then one per requested pattern with the number of its signals. */
    private static List<Entry> priceLegend(ChartPlan p) {
        List<Entry> k = new ArrayList<>();
        k.add(new Entry(Glyph.CANDLE, ChartPlan.UP, ChartPlan.DOWN, "open/high/low/close (up, down)"));
        for (Line l : p.priceLines) k.add(new Entry(glyph(l), l.color(), l.color(), l.name()));
        if (!p.patterns.isEmpty()) {
            k.add(new Entry(Glyph.NONE, null, null, "patterns: ▲ +100 (bullish) under the low, ▼ −100 (bearish) over the high, outlined ±200"));
        }
        List<String> silent = new ArrayList<>();
        for (PatternKey pk : p.patterns) {
            if (pk.bullishCount() + pk.bearishCount() == 0) {
                silent.add(pk.pattern());
                continue;
            }
            String counts = (pk.bullishCount() > 0 ? " " + pk.bullishCount() + "▲" : "") + (pk.bearishCount() > 0 ? " " + pk.bearishCount() + "▼" : "");
            k.add(new Entry(Glyph.MARKERS, pk.bullishCount() > 0 ? pk.bullish() : null, pk.bearishCount() > 0 ? pk.bearish() : null,
                    pk.pattern() + counts));
        }
        if (!silent.isEmpty()) {
            String none = silent.size() <= 3 ? String.join(", ", silent) : silent.size() + " other patterns";
            k.add(new Entry(Glyph.NONE, null, null, none + ": no signal here"));
        }
        return k;
    }

    /** The price panel's range: lows to highs and lines, with room for the stacked markers below and above. */
    private static Area priceArea(ChartPlan p, int top, int height) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Candle c : p.candles) {
            lo = Math.min(lo, c.low());
            hi = Math.max(hi, c.high());
        }
        for (Line l : p.priceLines) {
            lo = Math.min(lo, min(l.values()));
            hi = Math.max(hi, max(l.values()));
        }
        int below = 0, above = 0;
        for (Marker m : p.markers) {
            if (m.bullish()) below = Math.max(below, m.level() + 1);
            else above = Math.max(above, m.level() + 1);
        }
        return padded(top, height, lo, hi, below == 0 ? 0 : 4 + below * (MARKER + 2), above == 0 ? 0 : 4 + above * (MARKER + 2));
    }

    /** A range 5% wider than [lo, hi], plus the given pixels below and above. */
    private static Area padded(int top, int height, double lo, double hi, int belowPx, int abovePx) {
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            lo -= Math.max(1e-9, Math.abs(lo) * 0.01);
            hi += Math.max(1e-9, Math.abs(hi) * 0.01);
        }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        int free = Math.max(height / 3, height - belowPx - abovePx);
        double perPx = (hi - lo) / free;
        return new Area(top, height, lo - belowPx * perPx, hi + abovePx * perPx);
    }

    private static void paintPrice(Graphics2D g, ChartPlan p, Area a) {
        for (Band b : p.priceBands) band(g, p, a, b);
        for (Candle c : p.candles) {
            double[] xw = candleX(p, c);
            Color col = c.up() ? ChartPlan.UP : ChartPlan.DOWN;
            g.setColor(col);
            g.setStroke(new BasicStroke(1f));
            g.draw(new java.awt.geom.Line2D.Double(xw[0], a.y(c.high()), xw[0], a.y(c.low())));
            double top = a.y(Math.max(c.open(), c.close())), bottom = a.y(Math.min(c.open(), c.close()));
            double w = Math.max(1, xw[1]);
            g.fill(new java.awt.geom.Rectangle2D.Double(xw[0] - w / 2, top, w, Math.max(1, bottom - top)));
        }
        for (Line l : p.priceLines) line(g, p, a, l);
        for (Marker m : p.markers) {
            Candle c = p.candles.get(m.candle());
            double x = x(p, m.bar());
            double off = 3 + m.level() * (MARKER + 2);
            Shape s = m.bullish() ? triangle(x, a.y(c.low()) + off, true) : triangle(x, a.y(c.high()) - off, false);
            marker(g, s, m.color(), Math.abs(m.signal()) >= 200);
        }
    }

    private static void marker(Graphics2D g, Shape s, Color c, boolean confirmed) {
        g.setColor(c);
        g.fill(s);
        g.setStroke(new BasicStroke(confirmed ? 1.5f : 0.8f));
        g.setColor(confirmed ? Color.BLACK : c.darker());
        g.draw(s);
    }

    /** A triangle pointing up (its tip at {@code tipY}, below a low) or down (its tip at {@code tipY}, above a high). */
    private static Shape triangle(double x, double tipY, boolean up) {
        double h = MARKER, w = MARKER + 1;
        Path2D.Double t = new Path2D.Double();
        double base = up ? tipY + h : tipY - h;
        t.moveTo(x, tipY);
        t.lineTo(x - w / 2, base);
        t.lineTo(x + w / 2, base);
        t.closePath();
        return t;
    }

    /** The x of a bar's centre. */
    static double x(ChartPlan p, double bar) {
        return LEFT + (bar + 0.5) * PLOT_WIDTH / Math.max(1, p.bars.size());
    }

    /** A candle's centre and body width (70% of its bars' width). */
    private static double[] candleX(ChartPlan p, Candle c) {
        double perBar = (double) PLOT_WIDTH / Math.max(1, p.bars.size());
        return new double[] {x(p, (c.first() + c.last()) / 2.0), Math.max(1, 0.7 * perBar * (c.last() - c.first() + 1))};
    }

    /** A line broken where it has no value, or its dots. */
    private static void line(Graphics2D g, ChartPlan p, Area a, Line l) {
        double[] v = l.values();
        if (l.style() == ChartPlan.Style.DOTS) {
            g.setColor(l.color());
            double r = Math.min(2, Math.max(0.6, 0.3 * PLOT_WIDTH / Math.max(1, p.bars.size())));
            for (int t = 0; t < v.length; t++) {
                if (Double.isFinite(v[t])) g.fill(new java.awt.geom.Ellipse2D.Double(x(p, t) - r, a.y(v[t]) - r, 2 * r, 2 * r));
            }
            return;
        }
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        int every = Math.max(1, p.bars.size() / (2 * PLOT_WIDTH));   // at most two points a pixel
        for (int t = 0; t < v.length; t += every) {
            if (!Double.isFinite(v[t])) {
                open = false;
                continue;
            }
            if (open) path.lineTo(x(p, t), a.y(v[t]));
            else path.moveTo(x(p, t), a.y(v[t]));
            open = true;
        }
        g.setColor(l.color());
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    /** A histogram from zero, one bar per bar of the series. */
    private static void bars(Graphics2D g, ChartPlan p, Area a, Line l) {
        double w = Math.max(1, 0.7 * PLOT_WIDTH / Math.max(1, p.bars.size()));
        Color c = l.color();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
        double zero = a.y(0);
        double[] v = l.values();
        for (int t = 0; t < v.length; t++) {
            if (!Double.isFinite(v[t])) continue;
            double y = a.y(v[t]);
            g.fill(new java.awt.geom.Rectangle2D.Double(x(p, t) - w / 2, Math.min(y, zero), w, Math.max(0.5, Math.abs(zero - y))));
        }
    }

    /** The area between a band's upper and lower lines, lightly shaded in the upper line's colour. */
    private static void band(Graphics2D g, ChartPlan p, Area a, Band b) {
        double[] hi = b.upper().values(), lo = b.lower().values();
        Color c = b.upper().color();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 22));
        int t = 0;
        while (t < hi.length) {
            while (t < hi.length && !(Double.isFinite(hi[t]) && Double.isFinite(lo[t]))) t++;
            int start = t;
            while (t < hi.length && Double.isFinite(hi[t]) && Double.isFinite(lo[t])) t++;
            if (t - start < 2) continue;
            Path2D.Double s = new Path2D.Double();
            s.moveTo(x(p, start), a.y(hi[start]));
            for (int i = start + 1; i < t; i++) s.lineTo(x(p, i), a.y(hi[i]));
            for (int i = t - 1; i >= start; i--) s.lineTo(x(p, i), a.y(lo[i]));
            s.closePath();
            g.fill(s);
        }
    }

    /** The plot's frame, its grid (value ticks and the plan's date ticks) and its value labels on the right. */
    private static void frame(Graphics2D g, ChartPlan p, Area a) {
        g.setStroke(new BasicStroke(1f));
        for (Tick t : p.ticks) {
            g.setColor(t.major() ? YEAR_GRID : GRID);
            int x = (int) Math.round(x(p, t.bar() - 0.5));
            g.drawLine(x, a.top(), x, a.top() + a.height());
        }
        FontMetrics fm = g.getFontMetrics();
        double step = niceStep((a.hi() - a.lo()) / Math.max(2, a.height() / 45.0));
        for (double v = Math.ceil(a.lo() / step) * step; v <= a.hi(); v += step) {
            int y = (int) Math.round(a.y(v));
            g.setColor(GRID);
            g.drawLine(LEFT, y, LEFT + PLOT_WIDTH, y);
            g.setColor(TEXT);
            g.drawString(number(Math.abs(v) < step * 1e-6 ? 0 : v, step), LEFT + PLOT_WIDTH + 6, y + fm.getAscent() / 2 - 1);
        }
        g.setColor(FRAME);
        g.drawRect(LEFT, a.top(), PLOT_WIDTH, a.height());
    }

    /** Date labels centred under the ticks, below the last panel. */
    private static void dates(Graphics2D g, ChartPlan p, int bottom) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(TEXT);
        for (Tick t : p.ticks) {
            int x = (int) Math.round(x(p, t.bar() - 0.5));
            g.drawLine(x, bottom, x, bottom + 4);
            int w = fm.stringWidth(t.label());
            int left = Math.max(0, Math.min(WIDTH - w, x - w / 2));
            g.drawString(t.label(), left, bottom + 5 + fm.getAscent());
        }
    }

    /** Draws a legend's entries in rows from {@code top}; returns the y below it. */
    private static int legend(Graphics2D g, List<Entry> entries, int top) {
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT, row = 0;
        for (Entry e : entries) {
            int w = entryWidth(e, fm);
            if (x > LEFT && x + w > LEFT + PLOT_WIDTH) {
                x = LEFT;
                row++;
            }
            int cy = top + row * ROW + ROW / 2 + 2;
            glyph(g, e, x, cy);
            g.setColor(TEXT);
            g.setStroke(new BasicStroke(1f));
            g.drawString(e.text(), x + glyphWidth(e), cy + fm.getAscent() / 2 - 1);
            x += w;
        }
        return top + legendHeight(entries, fm);
    }

    private static int legendHeight(List<Entry> entries, FontMetrics fm) {
        int x = LEFT, rows = 1;
        for (Entry e : entries) {
            int w = entryWidth(e, fm);
            if (x > LEFT && x + w > LEFT + PLOT_WIDTH) {
                x = LEFT;
                rows++;
            }
            x += w;
        }
        return rows * ROW + 6;
    }

    private static int entryWidth(Entry e, FontMetrics fm) {
        return glyphWidth(e) + fm.stringWidth(e.text()) + 16;
    }

    private static int glyphWidth(Entry e) {
        return switch (e.glyph()) {
            case NONE -> 0;
            case MARKERS, CANDLE -> 28;
            default -> 24;
        };
    }

    private static void glyph(Graphics2D g, Entry e, int x, int cy) {
        switch (e.glyph()) {
            case LINE -> {
                g.setColor(e.color());
                g.setStroke(new BasicStroke(2.5f));
                g.drawLine(x, cy, x + 18, cy);
            }
            case DOTS -> {
                g.setColor(e.color());
                for (int d = 0; d < 3; d++) g.fillOval(x + 1 + d * 7, cy - 2, 4, 4);
            }
            case BAR -> {
                g.setColor(e.color());
                g.fillRect(x + 2, cy - 5, 6, 10);
                g.setColor(e.second());
                g.fillRect(x + 10, cy - 2, 6, 7);
            }
            case CANDLE -> {
                for (int k = 0; k < 2; k++) {
                    g.setColor(k == 0 ? e.color() : e.second());
                    int cx = x + 5 + k * 11;
                    g.drawLine(cx, cy - 7, cx, cy + 7);
                    g.fillRect(cx - 3, cy - 4, 7, 8);
                }
            }
            case MARKERS -> {
                if (e.color() != null) marker(g, triangle(x + 6, cy - 4, true), e.color(), false);
                if (e.second() != null) marker(g, triangle(x + 18, cy + 4, false), e.second(), false);
            }
            case NONE -> { }
        }
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * mag >= raw * (1 - 1e-9)) return m * mag;
        return 10 * mag;
    }

    /** A value label: thousands as k, M, B; as many decimals as the step needs. */
    static String number(double v, double step) {
        if (v == 0) return "0";
        String[] suffix = {"", "k", "M", "B", "T"};
        int k = 0;
        while (k < suffix.length - 1 && step >= 1000) {
            v /= 1000;
            step /= 1000;
            k++;
        }
        int decimals = 0;
        while (decimals < 8 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) decimals++;
        return String.format(Locale.ROOT, "%." + decimals + "f", v) + suffix[k];
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x) && x < m) m = x;
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x) && x > m) m = x;
        return m;
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }
}
