package org.hybridta.sink;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Output;

/**
 * What one chart shows, decided before any pixel is drawn (so that tests can read it): the candles (daily, or weekly
 * or monthly where daily ones would be thinner than {@link #MIN_CANDLE_PX}), the volume, the requested indicators —
 * on the price panel those on the price's scale (TA-Lib's overlap flag), on the volume panel those of the volume,
 * every other function in a panel of its own (one per function name) — the pattern markers, and the date ticks on
 * month or year starts. Only what was requested is drawn.
 */
final class ChartPlan {
    /** Candles narrower than this many pixels are merged into weekly, then monthly ones. */
    static final double MIN_CANDLE_PX = 3;
    /** Date labels closer than this many pixels are thinned to fewer months, or years. */
    static final double MIN_TICK_PX = 75;

    static final Color UP = new Color(38, 166, 154), DOWN = new Color(239, 83, 80);
    static final Color BULLISH = new Color(0, 150, 50), BEARISH = new Color(200, 0, 0);
    /** Line colours, none of them the candles' green or red; a panel takes them in order, patterns from the end. */
    static final List<Color> PALETTE = List.of(new Color(31, 119, 180), new Color(255, 127, 14), new Color(148, 103, 189),
            new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207), new Color(188, 189, 34),
            new Color(90, 90, 90), new Color(40, 40, 160), new Color(200, 150, 0), new Color(180, 0, 120), new Color(30, 30, 30));
    /** The usual guide levels of bounded oscillators. */
    private static final Map<String, double[]> LEVELS = Map.of("rsi", new double[] {30, 70}, "mfi", new double[] {20, 80},
            "stoch", new double[] {20, 80}, "stochf", new double[] {20, 80}, "stochrsi", new double[] {20, 80},
            "willr", new double[] {-80, -20}, "cci", new double[] {-100, 100}, "ultosc", new double[] {30, 70},
            "cmo", new double[] {-50, 50});
    private static final Set<Field> PRICES = EnumSet.of(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.ADJ_CLOSE);

    /** How many bars one candle spans. */
    enum Period {
        DAY("daily"), WEEK("weekly"), MONTH("monthly");

        final String words;

        Period(String words) { this.words = words; }
    }

    /** Bars {@code first..last} as one candle. */
    record Candle(int first, int last, double open, double high, double low, double close, double volume) {
        boolean up() { return close >= open; }
    }

    /** How an output is drawn: a line, a histogram from zero (MACD's), or a dot per bar (the parabolic SAR's stops). */
    enum Style { LINE, BARS, DOTS }

    /** One output's values, {@code NaN} where it has none, and how they are drawn. */
    record Line(String name, double[] values, Color color, Style style) {
        boolean bars() { return style == Style.BARS; }
    }

    /** A shaded band between two lines of a panel (the Bollinger bands' upper and lower). */
    record Band(Line upper, Line lower) {}

    /** A pattern that fired: at {@code bar} (in candle {@code candle}), the {@code level}-th marker on that side of it. */
    record Marker(String pattern, int bar, int signal, int candle, int level, Color color) {
        boolean bullish() { return signal > 0; }
    }

    /** A requested pattern, its colours and how often it fired in the chart's bars. */
    record PatternKey(String pattern, Color bullish, Color bearish, int bullishCount, int bearishCount) {}

    /** A date label at the first bar of a month or year; {@code major} on a year start. */
    record Tick(int bar, String label, boolean major) {}

    /** A panel below the price: its lines, the shaded bands among them and guide levels. */
    record Panel(String title, List<Line> lines, List<Band> bands, double[] levels) {}

    final String title;
    final BarSeries bars;
    final Period period;
    final List<Candle> candles;
    final boolean volume;
    final List<Line> priceLines;
    final List<Band> priceBands;
    final List<Line> volumeLines;
    final List<Marker> markers;
    final List<PatternKey> patterns;
    final List<Panel> panels;
    final List<Tick> ticks;

    private ChartPlan(String title, BarSeries bars, Period period, List<Candle> candles, boolean volume, List<Line> priceLines,
                      List<Band> priceBands, List<Line> volumeLines, List<Marker> markers, List<PatternKey> patterns,
                      List<Panel> panels, List<Tick> ticks) {
        this.title = title;
        this.bars = bars;
        this.period = period;
        this.candles = candles;
        this.volume = volume;
        this.priceLines = priceLines;
        this.priceBands = priceBands;
        this.volumeLines = volumeLines;
        this.markers = markers;
        this.patterns = patterns;
        this.panels = panels;
        this.ticks = ticks;
    }

    /**
     * @param values     an output column's values, as long as {@code s}; null where there are none (nothing drawn)
     * @param plotWidth  the plot's width in pixels: it decides the candles' period and the ticks' spacing
     */
    static ChartPlan of(BarSeries s, Function<String, double[]> values, List<Indicator> indicators, boolean synthetic, int plotWidth) {
        int n = s.size();
        Period period = Period.DAY;
        List<Candle> candles = candles(s, period);
        while (period != Period.MONTH && plotWidth < MIN_CANDLE_PX * candles.size()) {
            period = Period.values()[period.ordinal() + 1];
            candles = candles(s, period);
        }
        double[] vol = s.volume();
        boolean volume = false;
        for (double v : vol) volume |= v > 0;

        List<Line> priceLines = new ArrayList<>(), volumeLines = new ArrayList<>();
        List<Band> priceBands = new ArrayList<>();
        List<Indicator> patternSpecs = new ArrayList<>();
        Map<String, List<Indicator>> own = new LinkedHashMap<>();
        for (Indicator ind : indicators) {
            if (ind.function().group() == Group.PATTERN_RECOGNITION) {
                patternSpecs.add(ind);
            } else if (ind.function().overlap() && PRICES.containsAll(ind.inputs())) {
                lines(ind, values, priceLines, priceBands);
            } else if (ind.function().overlap() && volume && ind.inputs().equals(Set.of(Field.VOLUME))) {
                lines(ind, values, volumeLines, new ArrayList<>());
            } else {
                own.computeIfAbsent(ind.name(), k -> new ArrayList<>()).add(ind);
            }
        }
        List<Panel> panels = new ArrayList<>();
        for (List<Indicator> group : own.values()) {
            List<Line> lines = new ArrayList<>();
            List<Band> bands = new ArrayList<>();
            for (Indicator ind : group) lines(ind, values, lines, bands);
            String title = String.join(", ", group.stream().map(Indicator::spec).toList());
            panels.add(new Panel(title, List.copyOf(lines), List.copyOf(bands), LEVELS.getOrDefault(group.get(0).name(), new double[0])));
        }

        // markers: bullish below the candle's low, bearish above its high, stacked where several fire on one candle
        int[] candleOf = new int[n];
        for (int c = 0; c < candles.size(); c++) for (int t = candles.get(c).first(); t <= candles.get(c).last(); t++) candleOf[t] = c;
        int[] below = new int[candles.size()], above = new int[candles.size()];
        List<Marker> markers = new ArrayList<>();
        List<PatternKey> keys = new ArrayList<>();
        boolean single = patternSpecs.size() == 1;
        for (int k = 0; k < patternSpecs.size(); k++) {
            Indicator p = patternSpecs.get(k);
            double[] out = values.apply(p.column());
            Color bull = single ? BULLISH : PALETTE.get(PALETTE.size() - 1 - k % PALETTE.size()), bear = single ? BEARISH : bull;
            int ups = 0, downs = 0;
            for (int t = 0; out != null && t < n; t++) {
                double v = out[t];
                if (Double.isNaN(v) || v == 0) continue;
                int c = candleOf[t];
                boolean bullish = v > 0;
                markers.add(new Marker(p.spec(), t, (int) v, c, bullish ? below[c]++ : above[c]++, bullish ? bull : bear));
                if (bullish) ups++;
                else downs++;
            }
            keys.add(new PatternKey(p.spec(), bull, bear, ups, downs));
        }

        String range = n == 0 ? "no bars" : s.date(0) + " to " + s.date(n - 1);
        String title = ChartSink.title(s.symbol(), synthetic) + " — " + period.words + " candles, " + range;
        return new ChartPlan(title, s, period, List.copyOf(candles), volume, List.copyOf(priceLines), List.copyOf(priceBands),
                List.copyOf(volumeLines), List.copyOf(markers), List.copyOf(keys), List.copyOf(panels), ticks(s, plotWidth));
    }

    /** The lines of an indicator's outputs, in the palette's next colours; upper and lower bands shaded between. */
    private static void lines(Indicator ind, Function<String, double[]> values, List<Line> into, List<Band> bands) {
        Line upper = null, lower = null;
        for (Output o : ind.outputs()) {
            double[] v = values.apply(o.column());
            if (v == null) continue;
            String name = ind.outputs().size() == 1 ? ind.spec() : ind.spec() + " " + o.name();
            Style style = o.name().endsWith("hist") ? Style.BARS : ind.name().startsWith("sar") ? Style.DOTS : Style.LINE;
            Line line = new Line(name, v, PALETTE.get(into.size() % PALETTE.size()), style);
            into.add(line);
            if (o.name().equals("upperband")) upper = line;
            if (o.name().equals("lowerband")) lower = line;
        }
        if (upper != null && lower != null) bands.add(new Band(upper, lower));
    }

    /** The bars merged by day, ISO week or month: open of the first, extremes, close of the last, volume summed. */
    static List<Candle> candles(BarSeries s, Period period) {
        List<Candle> out = new ArrayList<>();
        int n = s.size();
        for (int first = 0; first < n; ) {
            long key = key(s.date(first), period);
            int last = first;
            while (last + 1 < n && key(s.date(last + 1), period) == key) last++;
            double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY, vol = 0;
            for (int t = first; t <= last; t++) {
                hi = Math.max(hi, s.get(Field.HIGH, t));
                lo = Math.min(lo, s.get(Field.LOW, t));
                double v = s.get(Field.VOLUME, t);
                if (v > 0) vol += v;
            }
            out.add(new Candle(first, last, s.get(Field.OPEN, first), hi, lo, s.get(Field.CLOSE, last), vol));
            first = last + 1;
        }
        return out;
    }

    private static long key(LocalDate d, Period p) {
        return switch (p) {
            case DAY -> d.toEpochDay();
            case WEEK -> d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> d.getYear() * 100L + d.getMonthValue();
        };
    }

    /**
     * Labels at the first bar of every month, or of every 2nd, 3rd or 6th month (those starting a quarter or half),
     * or of every 1st, 2nd, 5th, 10th or 25th year: the finest spacing whose labels stay {@link #MIN_TICK_PX} apart.
     */
    static List<Tick> ticks(BarSeries s, int plotWidth) {
        int n = s.size();
        double px = n == 0 ? 0 : (double) plotWidth / n;
        int[][] steps = {{1, 1}, {1, 2}, {1, 3}, {1, 6}, {12, 1}, {12, 2}, {12, 5}, {12, 10}, {12, 25}};   // {months per unit, units}
        List<Tick> chosen = List.of();
        for (int[] step : steps) {
            boolean years = step[0] == 12;
            List<Tick> ticks = new ArrayList<>();
            for (int t = 1; t < n; t++) {
                LocalDate d = s.date(t), before = s.date(t - 1);
                boolean start = years ? d.getYear() != before.getYear() : d.getMonthValue() != before.getMonthValue() || d.getYear() != before.getYear();
                if (!start) continue;
                int index = years ? d.getYear() : d.getMonthValue() - 1;
                if (index % step[1] != 0) continue;
                boolean yearStart = d.getYear() != before.getYear();
                String label = years ? Integer.toString(d.getYear())
                        : d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + (yearStart || ticks.isEmpty() ? " " + d.getYear() : "");
                ticks.add(new Tick(t, label, yearStart));
            }
            chosen = ticks;
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 1; i < ticks.size(); i++) gap = Math.min(gap, (ticks.get(i).bar() - ticks.get(i - 1).bar()) * px);
            if (gap >= MIN_TICK_PX) break;
        }
        return List.copyOf(chosen);
    }
}
