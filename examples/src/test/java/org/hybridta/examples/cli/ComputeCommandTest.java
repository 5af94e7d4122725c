package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.BarCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code hybridta compute}, through {@link HybridTa#commandLine()} as {@code main} runs it. */
class ComputeCommandTest {
    @TempDir Path dir;
    private Path in;        // a valid input file
    private Path outDir;    // where outputs go: must hold nothing after a failure
    private Path out;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        /** The run failed with exactly one line on stderr, of the form "hybridta: ...", and no stack trace. */
        Run failedWith(int code, String... fragments) {
            assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(code);
            assertThat(err).startsWith("hybridta: ").endsWith("\n");
            assertThat(err.strip().lines().count()).as("lines on stderr: %s", err).isEqualTo(1);
            assertThat(err).doesNotContain("\tat ", "java.lang.", "Caused by");
            for (String f : fragments) assertThat(err).contains(f);
            assertThat(this.out).as("nothing on stdout after a failure").isEmpty();
            return this;
        }
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        var cmd = HybridTa.commandLine();
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        int exit = cmd.execute(args);
        return new Run(exit, o.toString(), e.toString());
    }

    /** A random walk with whole-number volumes and some unchanged closes (which OBV treats specially). */
    static String bars(int n, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        double close = 50;
        LocalDate d = LocalDate.of(2023, 1, 2);
        for (int i = 0; i < n; i++) {
            double open = close;
            if (rnd.nextInt(8) != 0) close = Math.round(close * Math.exp(0.02 * rnd.nextGaussian()) * 100) / 100.0;
            double high = Math.max(open, close) + 0.25, low = Math.min(open, close) - 0.25;
            sb.append(d).append(',').append(open).append(',').append(high).append(',').append(low).append(',')
                    .append(close).append(',').append(close).append(',').append(100_000 + rnd.nextInt(900_000)).append('\n');
            d = d.plusDays(d.getDayOfWeek().getValue() >= 5 ? 8 - d.getDayOfWeek().getValue() : 1);
        }
        return sb.toString();
    }

    @BeforeEach void files() throws IOException {
        in = Files.writeString(dir.resolve("ttrc.csv"), bars(120, 42));
        outDir = Files.createDirectory(dir.resolve("out"));
        out = outDir.resolve("ind.csv");
    }

    private List<Path> outputs() throws IOException {
        try (Stream<Path> s = Files.walk(outDir)) {
            return s.filter(p -> !p.equals(outDir)).toList();
        }
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) rows.add(line.split(",", -1));
        return rows;
    }

    // ------------------------------------------------------------------ the happy path, with the real cpu backend

    @Test void aChartIsDrawnBesideTheCsvWithThePatternsAndIndicatorsAsked() throws IOException {
        Path png = outDir.resolve("charts/ttrc.png");
        Run r = run("compute", "--input", in.toString(), "--indicators", "sma:5,rsi:14,cdlengulfing", "--output", out.toString(),
                "--chart", png.toString(), "--backend", "cpu");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out()).contains("wrote " + png + ": the chart");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(img.getHeight()).as("price, volume and RSI panels").isGreaterThan(600);
        assertThat(outputs()).containsExactlyInAnyOrder(out, png.getParent(), png);
    }

    @Test void aChartCannotGoToStandardOutput() throws IOException {
        run("compute", "--input", in.toString(), "--indicators", "sma:5", "--output", out.toString(), "--chart", "-")
                .failedWith(HybridTa.USAGE, "--chart needs a file, not standard output");
        assertThat(outputs()).isEmpty();
    }

    @Test void smaAndObvEqualAStraightforwardComputation() throws IOException {
        Path nested = dir.resolve("not/yet/there/ind.csv");
        Run r = run("compute", "--input", in.toString(), "--indicators", "sma:5,obv", "--output", nested.toString(), "--backend", "cpu");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("wrote " + nested + ": 120 rows, columns date,sma_5,obv (backend cpu");

        BarSeries bars = BarCsv.read(in, "TTRC");
        double[] close = bars.close(), volume = bars.volume();
        List<String[]> rows = csv(nested);
        assertThat(rows.get(0)).containsExactly("date", "sma_5", "obv");
        assertThat(rows).hasSize(1 + 120);
        double obv = 0;
        for (int t = 0; t < 120; t++) {
            String[] row = rows.get(1 + t);
            assertThat(row).hasSize(3);
            assertThat(row[0]).isEqualTo(bars.date(t).toString());
            if (t < 4) {
                assertThat(row[1]).as("sma_5 before its first value, bar %d", t).isEmpty();
            } else {
                double sum = 0;
                for (int k = t - 4; k <= t; k++) sum += close[k];
                assertThat(Double.parseDouble(row[1])).as("sma_5 at bar %d", t).isCloseTo(sum / 5, within(1e-9 * sum / 5));
            }
            // OBV (TA-Lib): the first bar's volume, then + volume on an up close, - on a down close
            obv = t == 0 ? volume[0] : close[t] > close[t - 1] ? obv + volume[t] : close[t] < close[t - 1] ? obv - volume[t] : obv;
            assertThat(Double.parseDouble(row[2])).as("obv at bar %d", t).isEqualTo(obv);
        }
        try (Stream<Path> s = Files.list(nested.getParent())) {
            assertThat(s.toList()).as("no temporary file left").containsExactly(nested);
        }
    }

    @Test void everyCellHoldsTheBackendsDoubleExactly() throws IOException {
        List<Indicator> specs = Indicators.parseList("ema:12,rsi:14,macd:12:26:9,bbands:20:2,stoch,adx:14");
        Run r = run("compute", "-i", in.toString(), "--indicators", "ema:12,rsi:14,macd:12:26:9", "--indicators", "bbands:20:2,stoch,adx:14",
                "-o", out.toString(), "--backend", "cpu");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();

        IndicatorValues expected;
        try (ComputeBackend cpu = Backends.open("cpu")) {
            expected = cpu.compute(BarCsv.read(in, "ttrc"), specs);
        }
        List<String[]> rows = csv(out);
        assertThat(rows.get(0)).containsExactly("date", "ema_12", "rsi_14", "macd_12_26_9_macd", "macd_12_26_9_macdsignal",
                "macd_12_26_9_macdhist", "bbands_20_2_2_sma_upperband", "bbands_20_2_2_sma_middleband", "bbands_20_2_2_sma_lowerband",
                "stoch_5_3_sma_3_sma_slowk", "stoch_5_3_sma_3_sma_slowd", "adx_14");
        for (int c = 0; c < expected.columns().size(); c++) {
            for (int t = 0; t < 120; t++) {
                double v = expected.get(c, 0, t);
                String cell = rows.get(1 + t)[1 + c];
                if (Double.isNaN(v)) assertThat(cell).as("%s at bar %d", expected.columns().get(c), t).isEmpty();
                else assertThat(Double.parseDouble(cell)).as("%s at bar %d", expected.columns().get(c), t).isEqualTo(v);
            }
        }
    }

    @Test void theReadmeCommandRunsOnTheBundledSample() throws IOException {
        Path sample = Path.of("data/sample.csv");   // surefire runs in the module's directory
        assertThat(sample).exists();
        Path target = dir.resolve("out/sample-indicators.csv");
        Run r = run("compute", "--input", sample.toString(), "--indicators", "ema:12,rsi:14,macd:12:26:9", "--output", target.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        List<String> lines = Files.readAllLines(target);
        assertThat(lines.get(0)).isEqualTo("date,ema_12,rsi_14,macd_12_26_9_macd,macd_12_26_9_macdsignal,macd_12_26_9_macdhist");
        assertThat(lines).hasSize(1 + BarCsv.read(sample, "SAMPLE").size());
        assertThat(lines.get(1)).isEqualTo("2024-01-02,,,,,");
        assertThat(lines.get(lines.size() - 1)).doesNotContain(",,");
    }

    // ------------------------------------------------------------------ writing, checked with the fake backend

    @Test void emptyCellsBeforeTheLookbackAndFullPrecision() throws IOException {
        Run r = run("compute", "--input", in.toString(), "--indicators", "ema:3,macd:2:4:2", "--output", out.toString(), "--backend", "fake");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        BarSeries bars = BarCsv.read(in, "x");
        List<String[]> rows = csv(out);
        assertThat(rows.get(0)).containsExactly("date", "ema_3", "macd_2_4_2_macd", "macd_2_4_2_macdsignal", "macd_2_4_2_macdhist");
        // the fake puts close / 3 from each output's lookback on (ema:3: 2; macd:2:4:2: 3 + 1)
        assertThat(rows.get(1)).containsExactly(bars.date(0).toString(), "", "", "", "");
        assertThat(rows.get(3)[1]).isEqualTo(Double.toString(bars.close()[2] / 3));
        assertThat(rows.get(3)[2]).isEmpty();
        assertThat(rows.get(5)[4]).isNotEmpty();
        for (int t = 4; t < 120; t++) {
            for (int c = 1; c <= 4; c++) assertThat(Double.parseDouble(rows.get(1 + t)[c])).isEqualTo(bars.close()[t] / 3);
        }
        assertThat(outputs()).containsExactly(out);
    }

    @Test void precisionReachesTheBackend() {
        assertThat(run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "fake", "--precision", "float").exit()).isZero();
        assertThat(TestBackends.Fake.lastOptions.precision()).isEqualTo(Precision.FLOAT);
        assertThat(run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "FAKE").exit()).isZero();
        assertThat(TestBackends.Fake.lastOptions.precision()).isEqualTo(Precision.DOUBLE);
    }

    @Test void anExistingOutputIsReplaced() throws IOException {
        Files.writeString(out, "old content that is much longer than nothing\n".repeat(1000));
        assertThat(run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "fake").exit()).isZero();
        assertThat(Files.readString(out)).startsWith("date,ema_3\n").doesNotContain("old content");
        assertThat(outputs()).containsExactly(out);
    }

    // ------------------------------------------------------------------ bad input data: exit 1, nothing written

    private Run computeFrom(Path input) {
        return run("compute", "--input", input.toString(), "--indicators", "ema:3", "--output", out.toString(), "--backend", "fake");
    }

    private Path input(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test void aMissingInputFile() throws IOException {
        Path missing = dir.resolve("nope.csv");
        computeFrom(missing).failedWith(1, "--input " + missing + ": cannot read: no such file or directory");
        assertThat(outputs()).isEmpty();
    }

    @Test void anInputThatIsADirectory() throws IOException {
        computeFrom(dir).failedWith(1, "--input " + dir + ": cannot read");
        assertThat(outputs()).isEmpty();
    }

    @Test void aMissingColumn() throws IOException {
        Path f = input("nocol.csv", "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n");
        computeFrom(f).failedWith(1, f + " line 1: missing column \"volume\"; the header is \"date,open,high,low,close\"");
        assertThat(outputs()).isEmpty();
    }

    @Test void aValueThatIsNotANumber() throws IOException {
        Path f = input("bad.csv", bars(10, 1).replaceFirst("(?m)^(2023-01-04),[^,]*,", "$1,abc,"));
        computeFrom(f).failedWith(1, f + " line 4, column \"Open\": \"abc\" is not a number");
        assertThat(outputs()).isEmpty();
    }

    @Test void unsortedDates() throws IOException {
        Path f = input("unsorted.csv", "date,open,high,low,close,volume\n"
                + "2024-01-02,1,2,0.5,1.5,10\n2024-01-04,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,10\n");
        computeFrom(f).failedWith(1, f + " line 4, column \"date\": 2024-01-03 comes before 2024-01-04 on line 3");
        assertThat(outputs()).isEmpty();
    }

    @Test void duplicateDates() throws IOException {
        Path f = input("dup.csv", "date,open,high,low,close,volume\n"
                + "2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,10\n");
        computeFrom(f).failedWith(1, f + " line 4, column \"date\": 2024-01-03 repeats the date of line 3");
        assertThat(outputs()).isEmpty();
    }

    @Test void anEmptyInputAndAHeaderOnly() throws IOException {
        computeFrom(input("empty.csv", "")).failedWith(1, "empty.csv: the file is empty");
        computeFrom(input("header.csv", "date,open,high,low,close,volume\n")).failedWith(1, "header.csv: no bars after the header (line 1)");
        assertThat(outputs()).isEmpty();
    }

    @Test void aFailureLeavesAnExistingOutputAsItWas() throws IOException {
        Files.writeString(out, "precious\n");
        computeFrom(input("bad.csv", "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,x,10\n")).failedWith(1, "\"x\" is not a number");
        assertThat(Files.readString(out)).isEqualTo("precious\n");
        assertThat(outputs()).containsExactly(out);
    }

    // ------------------------------------------------------------------ bad specs and options: exit 2

    private Run computeWith(String indicators) {
        return run("compute", "--input", in.toString(), "--indicators", indicators, "--output", out.toString());
    }

    @Test void aZeroPeriod() throws IOException {
        computeWith("ema:0").failedWith(2, "--indicators: 'ema:0': timeperiod must be in [2, 100000], was 0", "see 'hybridta compute --help'");
        assertThat(outputs()).isEmpty();
    }

    @Test void aParameterSetTaLibRefuses() throws IOException {
        computeWith("ema:12,macd:12:26:1").failedWith(2, "--indicators: 'macd:12:26:1': signalperiod must be at least 2");
        assertThat(outputs()).isEmpty();
    }

    @Test void theOldStochFormGetsTaLibsForm() throws IOException {
        computeWith("stoch:14:3:3").failedWith(2, "--indicators: 'stoch:14:3:3': slowk_matype '3' is not an MA type",
                "TA-Lib's form is stoch:fastk_period:slowk_period:slowk_matype:slowd_period:slowd_matype, e.g. stoch:5:3:sma:3:sma");
        assertThat(outputs()).isEmpty();
    }

    @Test void anUnknownIndicator() throws IOException {
        computeWith("ema:12,foo:3").failedWith(2, "--indicators: 'foo:3': unknown indicator 'foo'", "hybridta indicators");
        assertThat(outputs()).isEmpty();
    }

    @Test void malformedSpecs() {
        computeWith("rsi:abc").failedWith(2, "'rsi:abc': timeperiod 'abc' is not a whole number");
        computeWith("macd:12:26:9:4").failedWith(2, "'macd:12:26:9:4': 4 parameters given, macd takes 3 parameters (fastperiod:slowperiod:signalperiod)");
        computeWith("rsi:timeperiod=1").failedWith(2, "'rsi:timeperiod=1': timeperiod must be in [2, 100000], was 1");
        computeWith("ema:12,,rsi").failedWith(2, "empty indicator spec");
        computeWith("ema:12,ema:12").failedWith(2, "indicator ema:12 is listed twice");
    }

    @Test void anUnknownBackend() throws IOException {
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "gpu")
                .failedWith(2, "--backend gpu: unknown backend (choose cuda, cpu, never, failing, fake or auto)");
        assertThat(outputs()).isEmpty();
    }

    @Test void aBackendThatCannotRunHere() throws IOException {
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "never")
                .failedWith(1, "backend never cannot run here: a test backend that never runs; use --backend cpu");
        assertThat(outputs()).isEmpty();
    }

    @Test void aBackendThatFailsWhileComputingLeavesNothing() throws IOException {
        Files.writeString(out, "precious\n");
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "failing")
                .failedWith(1, "internal error: IllegalStateException: the device was lost while computing (rerun with --debug");
        assertThat(Files.readString(out)).isEqualTo("precious\n");
        assertThat(outputs()).containsExactly(out);
    }

    @Test void anInvalidPrecision() {
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--precision", "half")
                .failedWith(2, "Invalid value for option '--precision'", "half");
    }

    @Test void missingAndUnknownOptions() {
        run("compute", "--input", in.toString(), "--indicators", "ema:3").failedWith(2, "Missing required option: '--output=FILE'");
        run("compute", "--inptu", in.toString(), "--indicators", "ema:3", "-o", out.toString()).failedWith(2, "Unknown option", "'--inptu'", "did you mean --input");
        run("comptue").failedWith(2, "Unmatched argument at index 0: 'comptue'", "did you mean compute?");
        run().failedWith(2, "missing command; choose one of: run, fetch, compute");
    }

    // ------------------------------------------------------------------ outputs that cannot be written

    @Test void anOutputUnderAFileCannotBeWritten() throws IOException {
        Path file = Files.writeString(outDir.resolve("file.txt"), "x");
        Path target = file.resolve("ind.csv");
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", target.toString(), "--backend", "fake")
                .failedWith(1, "--output " + target + ": cannot create its directory: " + file + " is a file, not a directory");
        assertThat(outputs()).containsExactly(file);
    }

    @Test void anOutputThatIsADirectory() throws IOException {
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", outDir.toString(), "--backend", "fake")
                .failedWith(2, "--output " + outDir + " is a directory; give a file name, e.g. " + outDir.resolve("indicators.csv"));
        assertThat(outputs()).isEmpty();
    }

    @Test void theInputAsOutput() throws IOException {
        String before = Files.readString(in);
        run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", dir.resolve("./ttrc.csv").toString())
                .failedWith(2, "is the input file; choose another name");
        assertThat(Files.readString(in)).isEqualTo(before);
    }

    @Test void anOutputInAReadOnlyDirectory() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "skipped: this user (root?) may write to a read-only directory");
            Path target = ro.resolve("ind.csv");
            run("compute", "-i", in.toString(), "--indicators", "ema:3", "-o", target.toString(), "--backend", "fake")
                    .failedWith(1, "--output " + target + ": cannot write: ", "permission denied");
            try (Stream<Path> s = Files.list(ro)) {
                assertThat(s.toList()).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // ------------------------------------------------------------------ --debug, --help, --version

    @Test void debugPrintsTheStackTraceToo() {
        for (String[] args : List.of(
                new String[] {"compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "failing", "--debug"},
                new String[] {"--debug", "compute", "-i", in.toString(), "--indicators", "ema:3", "-o", out.toString(), "--backend", "failing"})) {
            Run r = run(args);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("java.lang.IllegalStateException: the device was lost while computing", "\tat ")
                    .endsWith("hybridta: internal error: IllegalStateException: the device was lost while computing"
                            + " (rerun with --debug for the stack trace, and please report it)\n");
        }
    }

    @Test void helpListsOptionsIndicatorsAndExitCodes() {
        Run r = run("compute", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--input=FILE", "--indicators=SPEC[,SPEC...]", "--output=FILE", "--backend=NAME", "--precision=P",
                "double or float", "--debug", "Exit codes:");
        assertThat(r.out()).containsPattern("(?m)^  0 +success$").containsPattern("(?m)^  1 +failure").containsPattern("(?m)^  2 +usage error")
                .containsPattern("(?m)^  130 +interrupted").containsPattern("(?m)^  143 +stopped by SIGTERM");
        assertThat(r.out()).contains("'hybridta indicators' lists every function");
        Run top = run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("compute", "Exit codes:");
        // picocli wraps options at 80 columns but not the footer's lines: they must fit by themselves
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(top.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }

    @Test void versionNamesTheReleaseAndTheBackends() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("hybridta 0.").contains("backend cpu: available", "backend never: not available (a test backend");
    }
}
