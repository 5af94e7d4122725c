package org.hybridta.examples;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Pipeline;
import org.hybridta.PipelineResult;
import org.hybridta.indicator.Indicators;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;

/**
 * Plugging your own data into the pipeline: implement {@link QuoteSource} (one method that returns bars
 * or a typed failure, never null) and hand it to the builder. This one serves a sine-shaped market for
 * symbols starting with "SIN" and reports every other symbol as not found.
 *
 * <pre>java -cp examples/target/hybridta.jar org.hybridta.examples.CustomQuoteSource</pre>
 */
public final class CustomQuoteSource {
    private CustomQuoteSource() {}

    /** Weekday bars of a sine wave around 100 whose period depends on the symbol. */
    static final class SineSource implements QuoteSource {
        @Override public String name() { return "sine"; }

        @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
            if (!c.symbol().startsWith("SIN")) {
                return FetchResult.failed(c.symbol(), FailureKind.NOT_FOUND, "the sine market lists only SIN* symbols");
            }
            double period = 20 + c.symbol().length() * 7;
            List<LocalDate> dates = new ArrayList<>();
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) dates.add(d);
            }
            int n = dates.size();
            double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
            for (int t = 0; t < n; t++) {
                close[t] = 100 + 10 * Math.sin(2 * Math.PI * t / period);
                open[t] = t == 0 ? close[t] : close[t - 1];
                high[t] = Math.max(open[t], close[t]) + 0.5;
                low[t] = Math.min(open[t], close[t]) - 0.5;
                volume[t] = 1_000_000;
            }
            return FetchResult.ok(BarSeries.of(c.symbol(), dates.toArray(LocalDate[]::new), open, high, low, close, null, volume));
        }
    }

    public static void main(String[] args) {
        PipelineResult result = Pipeline.builder()
                .symbols("SINA", "SINB", "AAPL")
                .source(new SineSource())
                .between(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))
                .indicators(Indicators.rsi(14), Indicators.bbands(20, 2))
                .backend("cpu")
                .build()
                .run();
        result.statuses().forEach(System.out::println);
        result.output().ifPresent(o -> {
            double[] upper = o.values("SINA", Indicators.bbands(20, 2).outputs().get(0).column());
            System.out.printf("SINA's last upper Bollinger band: %.4f%n", upper[upper.length - 1]);
        });
    }
}
