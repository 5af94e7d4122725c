package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepScreenCommandTest {
    private static final String SYMBOLS = "AAPL,MSFT,XOM,JPM,NVDA,AMZN,GOOGL,META,TSLA,KO,PEP,WMT,CVX,BAC,INTC,CSCO,ORCL,PFE,MRK,T";

    @TempDir Path dir;

    /** The sweep's cube holds, for every set, the values `run` writes for that spec alone. */
    @Test void theCubeEqualsRun() throws IOException {
        Path cube = dir.resolve("ema.csv");
        Result r = run("sweep", "--symbols", "AAPL,MSFT", "--from", "2024-01-02", "--to", "2024-03-01", "--grid", "ema:5,20..22",
                "--backend", "cpu", "-o", cube.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("custom: 2 of 2 symbols, 2024-01-02 to 2024-02-29, 4 parameter sets of ema", "wrote " + cube);
        List<String> rows = Files.readAllLines(cube);
        assertThat(rows.get(0)).isEqualTo("symbol,date,timeperiod,ema");
        Path runOut = dir.resolve("run.csv");
        Result ref = run("run", "--symbols", "AAPL,MSFT", "--from", "2024-01-02", "--to", "2024-03-01", "--indicators", "ema:5,ema:21,ema:22",
                "--backend", "cpu", "--no-progress", "-o", runOut.toString());
        assertThat(ref.code()).as(ref.err()).isZero();
        Map<String, String> want = new HashMap<>();
        List<String> runRows = Files.readAllLines(runOut);
        List<String> head = List.of(runRows.get(0).split(","));
        for (String row : runRows.subList(1, runRows.size())) {
            String[] c = row.split(",", -1);
            want.put(c[head.indexOf("symbol")] + "," + c[head.indexOf("date")] + ",5", c[head.indexOf("ema_5")]);
            want.put(c[head.indexOf("symbol")] + "," + c[head.indexOf("date")] + ",21", c[head.indexOf("ema_21")]);
        }
        int compared = 0;
        for (String row : rows.subList(1, rows.size())) {
            String key = row.substring(0, row.lastIndexOf(','));
            if (!want.containsKey(key)) continue;
            assertThat(row.substring(row.lastIndexOf(',') + 1)).as(key).isEqualTo(want.get(key));
            compared++;
        }
        assertThat(compared).isEqualTo(want.size()).isGreaterThan(2 * 2 * 35);
        assertThat(rows).hasSize(1 + 2 * want.size());
    }

    @Test void reductionsAndBadGrids() throws IOException {
        Path out = dir.resolve("bb.csv");
        Result r = run("sweep", "--symbols", "AAPL,MSFT", "--from", "2024-01-02", "--to", "2024-03-01", "--grid", "bbands:10..12:1,2:nbdevup",
                "--reduce", "last,count:>100,cross", "--backend", "cpu", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("symbol,last_date,timeperiod,nbdevup,upperband_last,upperband_count_gt_100,upperband_cross_bars_ago,"
                + "upperband_cross_dir,middleband_last,middleband_count_gt_100,middleband_cross_bars_ago,middleband_cross_dir,lowerband_last,"
                + "lowerband_count_gt_100,lowerband_cross_bars_ago,lowerband_cross_dir");
        assertThat(rows).hasSize(1 + 2 * 6);
        assertThat(rows.get(1)).startsWith("AAPL,2024-02-29,10,1,");

        Result bad = run("sweep", "--grid", "ema:1..10", "-o", dir.resolve("x.csv").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--grid: 'ema:1..10': timeperiod 1 is outside its range [2, 100000]");
        assertThat(run("sweep", "--grid", "ema:5", "--reduce", "median", "-o", dir.resolve("x.csv").toString()).err())
                .contains("--reduce: reduction 'median' is unknown");
        assertThat(run("sweep", "--grid", "ema:5", "-o", dir.resolve("x.txt").toString()).err()).contains("name a file ending in .parquet, .csv or .duckdb");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }

    /** The screen's matches are the rows of `run`'s output on that date that satisfy the condition. */
    @Test void theScreenEqualsAFilterOfRun() throws IOException {
        String day = "2024-03-15";
        Path runOut = dir.resolve("run.csv");
        Result ref = run("run", "--symbols", SYMBOLS, "--from", day, "--to", "2024-03-16", "--indicators", "rsi:14,sma:50",
                // the screen's warm-up: the indicators' and one bar for a crossing
                "--warmup", String.valueOf(org.hybridta.WarmUp.bars(org.hybridta.indicator.Indicators.parseList("rsi:14,sma:50")) + 1),
                "--backend", "cpu", "--no-progress", "-o", runOut.toString());
        assertThat(ref.code()).as(ref.err()).isZero();
        List<String> runRows = Files.readAllLines(runOut);
        List<String> head = List.of(runRows.get(0).split(","));
        List<String> want = new ArrayList<>();
        for (String row : runRows.subList(1, runRows.size())) {
            String[] c = row.split(",", -1);
            double rsi = Double.parseDouble(c[head.indexOf("rsi_14")]), close = Double.parseDouble(c[head.indexOf("close")]);
            double sma = Double.parseDouble(c[head.indexOf("sma_50")]);
            if (rsi < 47 && close < sma) want.add(c[head.indexOf("symbol")] + "," + day + "," + c[head.indexOf("rsi_14")]);
        }
        assertThat(want).isNotEmpty().hasSizeLessThan(20);
        Path out = dir.resolve("screen.csv");
        Result r = run("screen", "--symbols", SYMBOLS, "--on", day, "--where", "rsi:14 < 47 and close < sma:50", "--backend", "cpu",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> got = new ArrayList<>();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("symbol,date,rsi_14,close,sma_50");
        for (String row : rows.subList(1, rows.size())) got.add(row.substring(0, row.indexOf(',', row.indexOf(',', row.indexOf(',') + 1) + 1)));
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);

        Result table = run("screen", "--symbols", SYMBOLS, "--on", day, "--where", "rsi:14 < 47 and close < sma:50", "--backend", "cpu");
        assertThat(table.out()).contains("symbol", "rsi_14", want.get(0).substring(0, want.get(0).indexOf(',')));
        Result none = run("screen", "--symbols", "AAPL", "--where", "close < 0", "--backend", "cpu");
        assertThat(none.code()).isZero();
        assertThat(none.out()).contains("no symbol matches");
        Result bad = run("screen", "--where", "rsi:14 < 30 and and");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--where: screen 'rsi:14 < 30 and and', position 17 ('and'): expected a number, a price, a spec or a column");
    }
}
