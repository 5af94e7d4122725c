package org.hybridta.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.BarCsv;

/**
 * One series from a CSV file, no pipeline: read the bars, open a backend, compute, read the values.
 * Outputs are as long as the input and NaN before each indicator's first value, so index {@code t} of
 * every output belongs to bar {@code t}.
 *
 * <pre>java -cp examples/target/hybridta.jar org.hybridta.examples.SingleSeriesFromCsv examples/data/sample.csv</pre>
 */
public final class SingleSeriesFromCsv {
    private SingleSeriesFromCsv() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/data/sample.csv");
        BarSeries bars = BarCsv.read(file, "SAMPLE");
        List<Indicator> indicators = Indicators.parseList("sma:20,ema:12,rsi:14,macd:12:26:9,bbands:20:2,atr:14");

        try (ComputeBackend backend = Backends.open("auto")) {
            IndicatorValues v = backend.compute(bars, indicators);
            int last = bars.size() - 1;
            System.out.printf("%s: %d bars from %s to %s, computed on %s%n", file, bars.size(), bars.date(0), bars.date(last),
                    backend.description());
            for (String column : v.columns()) {
                System.out.printf("  %-22s %12.4f%n", column, v.get(column, 0, last));
            }
            double[] rsi = v.series("rsi_14", 0);
            int overbought = 0;
            for (double x : rsi) if (x > 70) overbought++;
            System.out.printf("RSI above 70 on %d of %d days%n", overbought, rsi.length);
        }
    }
}
