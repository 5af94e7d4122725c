package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.filesUnder;
import static org.hybridta.examples.cli.FetchCommandTest.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Impossible bars: warned about by run, fetch and compute, refused with --strict. */
class StrictOptionTest {
    @TempDir Path dir;
    private Path quotes;

    /** A CSV of bars whose second bar (2024-01-03) has its high below its low. */
    private static final String IMPOSSIBLE = "date,open,high,low,close,volume\n"
            + "2024-01-02,10,11,9,10.5,100\n2024-01-03,10,9,12,10.5,100\n2024-01-04,10,11,9,10.5,100\n";
    private static final String FINE = "date,open,high,low,close,volume\n"
            + "2024-01-02,10,11,9,10.5,100\n2024-01-03,10,11,9,10.5,100\n2024-01-04,10,11,9,10.5,100\n";

    @BeforeEach void files() throws IOException {
        quotes = Files.createDirectories(dir.resolve("quotes"));
        Files.writeString(quotes.resolve("BAD.csv"), IMPOSSIBLE);
        Files.writeString(quotes.resolve("GOOD.csv"), FINE);
    }

    /** The command's result, and what it logged (the tests' logging goes to System.err). */
    private record Logged(Result result, String log) {}

    private static Logged logged(Supplier<Result> body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Logged(body.get(), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void computeWarnsOrRefuses() {
        Path in = quotes.resolve("BAD.csv"), out = dir.resolve("x.csv");
        Logged lenient = logged(() -> run("compute", "-i", in.toString(), "--indicators", "sma:2", "-o", out.toString()));
        assertThat(lenient.result().code()).as(lenient.result().err()).isZero();
        assertThat(lenient.log()).contains("WARN", "BAD: 1 impossible bar: 2024-01-03 high 9 is below low 12");
        assertThat(out).exists();

        Path strictOut = dir.resolve("y.csv");
        Result strict = run("compute", "-i", in.toString(), "--indicators", "sma:2", "-o", strictOut.toString(), "--strict");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).isEqualTo("hybridta: --input " + in + ": 1 impossible bar: 2024-01-03 high 9 is below low 12 "
                + "(refused: strict checking)" + System.lineSeparator());
        assertThat(strictOut).doesNotExist();
    }

    @Test
    void fetchWarnsOrRefusesTheSymbolOnly() throws IOException {
        Path lenientOut = dir.resolve("lenient");
        Logged lenient = logged(() -> run("fetch", "--source", "csv:" + quotes, "--symbols", "BAD,GOOD", "--from", "2024-01-01",
                "--to", "2024-02-01", "-o", lenientOut.toString()));
        assertThat(lenient.result().code()).as(lenient.result().err()).isZero();
        assertThat(lenient.log()).contains("WARN", "BAD: 1 impossible bar: 2024-01-03");
        assertThat(filesUnder(lenientOut)).containsExactly("BAD.csv", "GOOD.csv");

        Path strictOut = dir.resolve("strict");
        Result strict = run("fetch", "--source", "csv:" + quotes, "--symbols", "BAD,GOOD", "--from", "2024-01-01", "--to", "2024-02-01",
                "-o", strictOut.toString(), "--strict");
        assertThat(strict.code()).isEqualTo(3);
        assertThat(strict.out()).contains("failed BAD: 1 impossible bar: 2024-01-03 high 9 is below low 12 (refused: strict checking) (bad_data)");
        assertThat(filesUnder(strictOut)).containsExactly("GOOD.csv", "failures.csv");
    }

    @Test
    void runWarnsOrRefusesTheSymbolOnly() throws IOException {
        Logged lenient = logged(() -> run("run", "--source", "csv:" + quotes, "--symbols", "BAD,GOOD", "--from", "2024-01-01",
                "--to", "2024-02-01", "--indicators", "sma:2", "-o", dir.resolve("a").toString()));
        assertThat(lenient.result().code()).as(lenient.result().err()).isZero();
        assertThat(lenient.log()).contains("WARN", "BAD: 1 impossible bar: 2024-01-03");

        Result strict = run("run", "--source", "csv:" + quotes, "--symbols", "BAD,GOOD", "--from", "2024-01-01", "--to", "2024-02-01",
                "--indicators", "sma:2", "-o", dir.resolve("b").toString(), "--strict");
        assertThat(strict.code()).isEqualTo(3);
        assertThat(strict.out()).contains("1 of 2 symbols ok", "failed BAD: 1 impossible bar: 2024-01-03");
        assertThat(Files.readAllLines(dir.resolve("b/indicators.csv"))).hasSize(1 + 3).allSatisfy(l -> assertThat(l).doesNotContain("BAD"));
    }
}
