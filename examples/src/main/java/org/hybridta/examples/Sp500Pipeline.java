package org.hybridta.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import org.hybridta.Pipeline;
import org.hybridta.PipelineResult;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.formats.TableSink;
import org.hybridta.indicator.Indicators;
import org.hybridta.sink.ChartSink;
import org.hybridta.source.SyntheticQuoteSource;

/**
 * The S&P 500 run through the Java API: EMA 12, RSI 14 and MACD 12/26/9 for every constituent since
 * January 1, on the synthetic market (swap in {@code YahooQuoteSource} for real prices), on the best
 * backend available, written part by part to {@code out/sp500/indicators.parquet} (or {@code .csv}, {@code .duckdb}:
 * the format follows the name) with a chart of AAPL; the values are kept in memory too, for the last RSI printed.
 *
 * <pre>java -cp examples/target/hybridta.jar org.hybridta.examples.Sp500Pipeline</pre>
 */
public final class Sp500Pipeline {
    private Sp500Pipeline() {}

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "out/sp500");
        LocalDate today = LocalDate.now();

        PipelineResult result = Pipeline.builder()
                .universe(Universe.sp500())
                .source(SyntheticQuoteSource.create())
                .between(LocalDate.of(today.getYear(), 1, 1), today)
                .indicators(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9))
                .backend("auto")
                .sink(TableSink.to(out.resolve("indicators.parquet")))
                .sink(ChartSink.to(out.resolve("charts"), java.util.List.of("AAPL")))
                .keepOutput(true)   // 503 symbols since January: a few MB
                .build()
                .run();

        System.out.printf("%d of %d symbols, %d bars, backend %s, %d ms%n", result.okCount(), result.statuses().size(),
                result.bars(), result.backend(), result.timings().total().toMillis());
        for (SymbolStatus failed : result.failures()) System.out.println("failed: " + failed);
        result.output().ifPresent(o -> {
            double[] rsi = o.values("AAPL", "rsi_14");
            System.out.printf("AAPL's latest RSI 14: %.2f%n", rsi[rsi.length - 1]);
        });
        result.files().forEach(f -> System.out.println("wrote " + f));
    }
}
