package org.hybridta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hybridta.BarSeries;
import org.hybridta.Pipeline;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.sink.ChartPlan.Candle;
import org.hybridta.sink.ChartPlan.Line;
import org.hybridta.sink.ChartPlan.Marker;
import org.hybridta.sink.ChartPlan.PatternKey;
import org.hybridta.sink.ChartPlan.Tick;
import org.junit.jupiter.api.Test;

/** What a chart shows, read from its plan (and, where it matters, from its pixels); the run's values are the synthetic market's. */
class ChartPlanTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1), TO = LocalDate.of(2024, 1, 1);

    /** The plan of a chart of {@code symbol} with the given indicators, from the values of a real run. */
    private static ChartPlan plan(String specs, LocalDate from, LocalDate to) {
        List<Indicator> indicators = Indicators.parseList(specs);
        RunOutput r = Pipeline.builder().symbols("AAPL").between(from, to).indicators(indicators).backend("cpu").keepOutput(true)
                .build().run().output().orElseThrow();
        return ChartPlan.of(r.series(0), c -> r.values(0, c), indicators, true, ChartPainter.PLOT_WIDTH);
    }

    @Test
    void everyPatternHasAMarkerExactlyWhereItsOutputIsNotZeroWithItsSign() {
        List<Indicator> patterns = Indicators.parseList("cdl:all");
        RunOutput r = Pipeline.builder().symbols("AAPL").between(FROM, TO).indicators(patterns).backend("cpu").keepOutput(true)
                .build().run().output().orElseThrow();
        ChartPlan p = ChartPlan.of(r.series(0), c -> r.values(0, c), patterns, true, ChartPainter.PLOT_WIDTH);
        assertThat(p.patterns).hasSize(61);
        int firing = 0;
        for (Indicator pattern : patterns) {
            double[] out = r.values(0, pattern.column());
            Set<String> expected = new HashSet<>(), drawn = new HashSet<>();
            int ups = 0, downs = 0;
            for (int t = 0; t < out.length; t++) {
                if (Double.isNaN(out[t]) || out[t] == 0) continue;
                expected.add(t + ":" + (int) out[t]);
                if (out[t] > 0) ups++;
                else downs++;
            }
            for (Marker m : p.markers) if (m.pattern().equals(pattern.spec())) drawn.add(m.bar() + ":" + m.signal());
            assertThat(drawn).as(pattern.spec()).isEqualTo(expected);
            PatternKey key = p.patterns.stream().filter(k -> k.pattern().equals(pattern.spec())).findFirst().orElseThrow();
            assertThat(new int[] {key.bullishCount(), key.bearishCount()}).as(pattern.spec()).containsExactly(ups, downs);
            if (!expected.isEmpty()) firing++;
        }
        assertThat(firing).as("patterns that fire in a year of AAPL").isGreaterThan(20);
        // markers on one candle and side are stacked one above the other, never drawn on the same spot
        Set<String> spots = new HashSet<>();
        for (Marker m : p.markers) assertThat(spots.add(m.candle() + (m.bullish() ? "below" : "above") + m.level())).isTrue();
    }

    @Test
    void onlyTheRequestedIndicatorsAreDrawnEachWhereItsScaleBelongs() {
        ChartPlan sma = plan("sma:50", FROM, TO);
        assertThat(sma.priceLines).extracting(Line::name).containsExactly("sma:50");
        assertThat(sma.panels).isEmpty();
        assertThat(sma.markers).isEmpty();
        assertThat(sma.patterns).isEmpty();
        assertThat(sma.volumeLines).isEmpty();

        ChartPlan mixed = plan("rsi:14,macd:12:26:9,rsi:7,sma:20@volume,cdlengulfing", FROM, TO);
        assertThat(mixed.priceLines).isEmpty();
        assertThat(mixed.volumeLines).extracting(Line::name).containsExactly("sma:20@volume");
        assertThat(mixed.panels).extracting(ChartPlan.Panel::title).containsExactly("rsi:14, rsi:7", "macd:12:26:9");
        assertThat(mixed.panels.get(1).lines()).extracting(Line::name, Line::bars).containsExactly(
                org.assertj.core.groups.Tuple.tuple("macd:12:26:9 macd", false), org.assertj.core.groups.Tuple.tuple("macd:12:26:9 macdsignal", false),
                org.assertj.core.groups.Tuple.tuple("macd:12:26:9 macdhist", true));
        assertThat(mixed.patterns).extracting(PatternKey::pattern).containsExactly("cdlengulfing");
        assertThat(mixed.panels.get(0).levels()).containsExactly(30, 70);
    }

    @Test
    void theBollingerBandsHaveThreeDistinctColoursNotTheCandlesOnesAndAShadedBand() {
        ChartPlan p = plan("bbands:20:2", FROM, TO);
        assertThat(p.priceLines).extracting(Line::name).containsExactly("bbands:20:2:2:sma upperband", "bbands:20:2:2:sma middleband",
                "bbands:20:2:2:sma lowerband");
        Set<Color> colours = new HashSet<>();
        for (Line l : p.priceLines) colours.add(l.color());
        assertThat(colours).hasSize(3).doesNotContain(ChartPlan.UP, ChartPlan.DOWN);
        assertThat(p.priceBands).singleElement().satisfies(b -> {
            assertThat(b.upper().name()).endsWith("upperband");
            assertThat(b.lower().name()).endsWith("lowerband");
        });
    }

    @Test
    void aYearHasDailyCandlesAndALabelAtEveryMonthStart() {
        ChartPlan p = plan("ema:12", FROM, TO);
        BarSeries s = p.bars;
        assertThat(p.period).isEqualTo(ChartPlan.Period.DAY);
        assertThat(p.candles).hasSize(s.size());
        List<Integer> monthStarts = new ArrayList<>();
        for (int t = 1; t < s.size(); t++) if (s.date(t).getMonth() != s.date(t - 1).getMonth()) monthStarts.add(t);
        assertThat(p.ticks).extracting(Tick::bar).containsExactlyElementsOf(monthStarts);
        assertThat(p.ticks).extracting(Tick::label).containsExactly("Feb 2023", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec");
        assertThat(s.date(p.ticks.get(0).bar())).isEqualTo(LocalDate.of(2023, 2, 1));
    }

    @Test
    void tenYearsHaveMonthlyCandlesAndLabelsOnYearStartsSpacedApart() {
        ChartPlan p = plan("ema:12", LocalDate.of(2014, 1, 1), LocalDate.of(2024, 1, 1));
        BarSeries s = p.bars;
        assertThat(p.period).isEqualTo(ChartPlan.Period.MONTH);
        assertThat(p.candles).hasSize(120);
        assertThat(p.ticks).extracting(Tick::label).containsExactly("2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023");
        for (Tick t : p.ticks) {
            assertThat(s.date(t.bar()).getYear()).isNotEqualTo(s.date(t.bar() - 1).getYear());
            assertThat(t.major()).isTrue();
        }
        // a monthly candle is its month's bars: first open, highest high, lowest low, last close
        Candle c = p.candles.get(5);
        double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY;
        for (int t = c.first(); t <= c.last(); t++) {
            hi = Math.max(hi, s.high()[t]);
            lo = Math.min(lo, s.low()[t]);
            assertThat(s.date(t).getMonthValue()).isEqualTo(6);
        }
        assertThat(new double[] {c.open(), c.high(), c.low(), c.close()}).containsExactly(s.open()[c.first()], hi, lo, s.close()[c.last()]);
        assertThat(s.date(c.first() - 1).getMonthValue()).isEqualTo(5);
        assertThat(s.date(c.last() + 1).getMonthValue()).isEqualTo(7);
    }

    @Test
    void labelsThinToQuartersWhenMonthsWouldCrowd() {
        ChartPlan p = plan("ema:12", LocalDate.of(2019, 1, 1), LocalDate.of(2024, 1, 1));
        assertThat(p.ticks).isNotEmpty();
        for (int i = 1; i < p.ticks.size(); i++) {
            double px = (p.ticks.get(i).bar() - p.ticks.get(i - 1).bar()) * (double) ChartPainter.PLOT_WIDTH / p.bars.size();
            assertThat(px).isGreaterThanOrEqualTo(ChartPlan.MIN_TICK_PX);
        }
        for (Tick t : p.ticks) assertThat(p.bars.date(t.bar()).getMonthValue() % 3).as(t.label()).isEqualTo(1);   // Jan, Apr, Jul, Oct
    }

    @Test
    void theMarkersColoursAreOnTheImageOnlyWhenAPatternFires() {
        int withEngulfing = count(ChartPainter.paint(plan("cdlengulfing", FROM, TO)), ChartPlan.BULLISH)
                + count(ChartPainter.paint(plan("cdlengulfing", FROM, TO)), ChartPlan.BEARISH);
        int without = count(ChartPainter.paint(plan("sma:20", FROM, TO)), ChartPlan.BULLISH);
        assertThat(withEngulfing).isGreaterThan(100);
        assertThat(without).isZero();
    }

    @Test
    void valueLabelsAreShortAndRound() {
        assertThat(ChartPainter.number(5_000_000, 2_500_000)).isEqualTo("5.0M");
        assertThat(ChartPainter.number(50_000_000, 10_000_000)).isEqualTo("50M");
        assertThat(ChartPainter.number(4500, 100)).isEqualTo("4500");
        assertThat(ChartPainter.number(142.5, 2.5)).isEqualTo("142.5");
        assertThat(ChartPainter.number(0, 1e6)).isEqualTo("0");
        assertThat(ChartPainter.niceStep(0.07)).isEqualTo(0.1);
        assertThat(ChartPainter.niceStep(2.2)).isEqualTo(2.5);
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) n++;
        return n;
    }
}
