package org.hybridta.sink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hybridta.Pipeline;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** Writes example charts into the folder named by {@code -Dhybridta.chartPreview=DIR}, to look at; skipped without it. */
class ChartPreviewTest {
    @Test
    void writesExampleCharts() throws IOException {
        String dir = System.getProperty("hybridta.chartPreview");
        assumeTrue(dir != null, "no -Dhybridta.chartPreview=DIR given");
        Path out = Files.createDirectories(Path.of(dir));
        preview(out, "1y-engulfing", "AAPL", 2023, 1, "sma:50,cdlengulfing");
        preview(out, "1y-hammer", "MSFT", 2023, 1, "cdlhammer,ema:20");
        preview(out, "1y-all", "AAPL", 2023, 1, "cdl:all");
        preview(out, "1y-bbands-rsi-macd", "AAPL", 2023, 1, "bbands:20:2,rsi:14,macd:12:26:9");
        preview(out, "10y-bbands-rsi-macd", "AAPL", 2014, 10, "bbands:20:2,rsi:14,macd:12:26:9,cdlengulfing");
        preview(out, "2y-many", "AAPL", 2022, 2, "sma:20,sma:50,ema:200,sar,stoch,adx,obv,atr,cdlmorningstar,cdleveningstar");
        preview(out, "docs-example", "AAPL", 2023, 1, "bbands:20:2,ema:50,rsi:14,macd:12:26:9,cdlengulfing,cdlhammer");
        preview(out, "3m-default", "AAPL", 2023, 0, "ema:12,rsi:14,macd:12:26:9,sma:20@volume,cdlhammer,cdlengulfing");
    }

    private static void preview(Path out, String name, String symbol, int year, int years, String specs) throws IOException {
        List<Indicator> indicators = Indicators.parseList(specs);
        LocalDate from = LocalDate.of(year, 1, 1), to = years == 0 ? from.plusMonths(3) : from.plusYears(years);
        RunOutput r = Pipeline.builder().symbols(symbol).between(from, to).indicators(indicators).backend("cpu").keepOutput(true)
                .build().run().output().orElseThrow();
        byte[] png = ChartSink.png(ChartSink.render(r.series(0), c -> r.values(0, c), indicators, true));
        Files.write(out.resolve(name + ".png"), png);
    }
}
