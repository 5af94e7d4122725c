package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of {@code hybridta stream}: fed the bars of several series interleaved in time order, it writes for
 * each symbol, line for line, what {@code compute} writes for that symbol's series; with {@code --warmup}, the lines
 * after the history; bad lines and out-of-order bars end it with one line naming the line and the problem.
 */
class StreamCommandTest {
    private static final String SPECS = "sma:5,ema:12,rsi:14,macd:12:26:9,bbands:20:2,stoch,adx,obv,cdlengulfing,willr,mfi,sar";

    @TempDir Path dir;
    private final Map<String, List<String>> bars = new TreeMap<>();   // symbol -> its CSV lines (date,o,h,l,c,adj,v)

    @BeforeEach void series() throws IOException {
        int k = 0;
        for (String symbol : List.of("AAA", "BBB", "CCC")) {
            String csv = ComputeCommandTest.bars(150 - 30 * k, 7 + k);
            Files.writeString(dir.resolve(symbol + ".csv"), csv);
            List<String> lines = new ArrayList<>(csv.lines().skip(1).toList());
            bars.put(symbol, lines.subList(0, lines.size()));
            k++;
        }
        // BBB starts later: drop its first 20 bars, and compute it from the rest
        List<String> b = bars.get("BBB").subList(20, bars.get("BBB").size());
        bars.put("BBB", b);
        Files.writeString(dir.resolve("BBB.csv"), "date,open,high,low,close,adj_close,volume\n" + String.join("\n", b) + "\n");
    }

    /** What {@code compute} writes for one symbol's file: its lines, header first. */
    private List<String> compute(Path file) throws IOException {
        Path out = dir.resolve("out-" + file.getFileName());
        ComputeCommandTest.Run r = ComputeCommandTest.run("compute", "--input", file.toString(), "--indicators", SPECS, "--backend", "cpu", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readAllLines(out);
    }

    /** The bars of every symbol as one feed in date order (symbols in name order within a date), header first. */
    private Path feed(Map<String, List<String>> of, String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        of.forEach((symbol, lines) -> lines.forEach(l -> rows.add(new String[] {l.substring(0, 10), symbol, l.substring(11)})));
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
        StringBuilder sb = new StringBuilder("Date,Symbol,Open,High,Low,Close,Adj_Close,Volume\n");
        for (String[] r : rows) sb.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    /** The lines of {@code symbol} in the stream's output, its column removed, under the output's header without it. */
    private static List<String> linesOf(String output, String symbol) {
        List<String> all = output.lines().toList(), out = new ArrayList<>();
        out.add(all.get(0).replaceFirst("^date,symbol,", "date,"));
        for (String l : all.subList(1, all.size())) {
            String[] parts = l.split(",", 3);
            if (parts[1].equals(symbol)) out.add(parts[0] + "," + parts[2]);
        }
        return out;
    }

    @Test void givesComputesValuesLineForLine() throws IOException {
        Path feed = feed(bars, "feed.csv");
        ComputeCommandTest.Run r = ComputeCommandTest.run("stream", "--indicators", SPECS, "--input", feed.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().count()).isEqualTo(1 + bars.values().stream().mapToInt(List::size).sum());
        for (String symbol : bars.keySet()) {
            List<String> expected = compute(dir.resolve(symbol + ".csv"));
            assertThat(linesOf(r.out(), symbol)).as(symbol).containsExactlyElementsOf(expected);
        }
    }

    @Test void warmupSeedsFromHistory() throws IOException {
        Path history = Files.createDirectory(dir.resolve("history"));
        List<String> a = bars.get("AAA");
        Files.writeString(history.resolve("AAA.csv"), "date,open,high,low,close,adj_close,volume\n" + String.join("\n", a.subList(0, 60)) + "\n");
        Map<String, List<String>> rest = new TreeMap<>(bars);
        rest.put("AAA", a.subList(60, a.size()));
        Path feed = feed(rest, "rest.csv");
        ComputeCommandTest.Run r = ComputeCommandTest.run("stream", "--indicators", SPECS, "--input", feed.toString(), "--warmup", history.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> expected = compute(dir.resolve("AAA.csv"));
        List<String> tail = new ArrayList<>(List.of(expected.get(0)));
        tail.addAll(expected.subList(61, expected.size()));
        assertThat(linesOf(r.out(), "AAA")).containsExactlyElementsOf(tail);
        assertThat(linesOf(r.out(), "CCC")).containsExactlyElementsOf(compute(dir.resolve("CCC.csv")));
        assertThat(r.err()).contains("warning: no history for BBB in " + history).contains("warning: no history for CCC");

        Path overlap = feed(Map.of("AAA", a.subList(59, 62)), "overlap.csv");
        ComputeCommandTest.Run o = ComputeCommandTest.run("stream", "--indicators", "rsi", "--input", overlap.toString(), "--warmup", history.toString());
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("overlap.csv line 2: AAA " + a.get(59).substring(0, 10) + " is out of order")
                .contains("the last bar of " + history.resolve("AAA.csv"));
    }

    private ComputeCommandTest.Run streamText(String text) throws IOException {
        Path feed = Files.writeString(dir.resolve("bad.csv"), text);
        return ComputeCommandTest.run("stream", "--indicators", "sma:3", "--input", feed.toString());
    }

    private static void failedWith(ComputeCommandTest.Run r, int exit, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).startsWith("hybridta: ").contains(message).doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test void badLinesAreNamed() throws IOException {
        String header = "date,symbol,open,high,low,close,volume\n";
        ComputeCommandTest.Run r = streamText(header + "2024-01-02,X,1,2,0.5,1.5,100\n2024-01-03,X,1,2,0.5,abc,100\n");
        failedWith(r, 1, "bad.csv line 3: close \"abc\" is not a number");
        assertThat(r.out().lines().toList()).containsExactly("date,symbol,sma_3", "2024-01-02,X,");   // the lines before it were written
        failedWith(streamText(header + "2024-01-02,X,1,2,0.5\n"), 1, "bad.csv line 2: has 5 fields, the header 7 or more");
        failedWith(streamText(header + "02/01/2024,X,1,2,0.5,1.5,100\n"), 1, "line 2: date \"02/01/2024\" is not a date yyyy-MM-dd");
        failedWith(streamText(header + "2024-01-02,X,1,2,0.5,1.5,-5\n"), 1, "line 2: volume -5 is negative");
        failedWith(streamText(header + "2024-01-02,X,1,2,0.5,NaN,5\n"), 1, "line 2: close \"NaN\" is not a finite number");
        failedWith(streamText(header + "2024-01-02,,1,2,0.5,1,5\n"), 1, "line 2: the symbol is empty");
        failedWith(streamText("date,ticker,open,high,low,close,volume\n"), 1, "bad.csv line 1: the header has no symbol column");
        failedWith(streamText(""), 1, "bad.csv: empty");
        failedWith(streamText(header + "2024-01-03,X,1,2,0.5,1.5,100\n2024-01-03,Y,1,2,0.5,1.5,100\n2024-01-02,X,1,2,0.5,1.5,100\n"), 1,
                "bad.csv line 4: X 2024-01-02 is out of order: it does not follow 2024-01-03 (line 2)");
    }

    @Test void usageErrorsExitWith2() throws IOException {
        failedWith(ComputeCommandTest.run("stream", "--indicators", "nosuch"), 2, "--indicators");
        failedWith(ComputeCommandTest.run("stream", "--indicators", "rsi", "--warmup", dir.resolve("missing").toString()), 2, "not a directory");
        failedWith(ComputeCommandTest.run("stream", "--indicators", "rsi", "--input", dir.resolve("missing.csv").toString()), 1, "no such file");
    }
}
