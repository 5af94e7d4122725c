package org.hybridta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.BarCsv;
import org.junit.jupiter.api.Test;

class StreamingIndicatorsTest {
    @Test
    void printsTheBatchValuesOfTheLiveBars() throws Exception {
        Path sample = Path.of("data/sample.csv");
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            StreamingIndicators.main(new String[] {sample.toString(), "5"});
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        BarSeries s = BarCsv.read(sample, "SAMPLE");
        try (ComputeBackend cpu = Backends.open("cpu")) {
            IndicatorValues v = cpu.compute(s, Indicators.parseList("rsi:14,macd:12:26:9"));
            for (int t = s.size() - 5; t < s.size(); t++) {
                assertThat(out).contains(String.format(Locale.ROOT, "%s  peek rsi", s.date(t)))
                        .contains(String.format(Locale.ROOT, "close rsi %.4f  macd %.4f", v.get("rsi_14", 0, t), v.get("macd_12_26_9_macd", 0, t)))
                        .contains(String.format(Locale.ROOT, "%s  tick: SAMPLE rsi %.4f", s.date(t), v.get("rsi_14", 0, t)));
            }
        }
        assertThat(out).contains("restored from a snapshot of").contains("LATE no bar yet").contains("LATE rsi warming up");
        assertThat(out.lines().filter(l -> l.contains("tick:")).toList()).hasSize(5);
        assertThat(List.of(out.split("\n")).get(0)).isEqualTo("columns: rsi_14,macd_12_26_9_macd,macd_12_26_9_macdsignal,macd_12_26_9_macdhist,cdlengulfing");
    }
}
