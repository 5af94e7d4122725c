package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.hybridta.io.UntrustedText;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class UniverseChoiceTest {
    /** Just the option parsing of --symbols. */
    @Command(name = "t")
    static final class Symbols implements Callable<Integer> {
        @Mixin UniverseChoice choice;
        int size;

        @Override public Integer call() {
            size = choice.universe().size();
            return 0;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "AAPL,..", "./x"})
    void dotsAndPathsAreRefusedWithOneLine(String symbols) {
        Result r = run("fetch", "--symbols", symbols, "--source", "synthetic", "-o", "never-created");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("hybridta: --symbols: ").contains("is not");
        assertThat(new java.io.File("never-created")).doesNotExist();
    }

    @Test
    void aHugeSymbolIsQuotedShort() {
        Result r = run("fetch", "--symbols", "Y".repeat(10_000), "--source", "synthetic", "-o", "never-created");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().length()).isLessThan(250);
    }

    /** 200,000 symbols: a quadratic step (each symbol compared with all before it) takes minutes, linear well under a second. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manySymbolsParseInLinearTime() {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < 200_000; i++) j.add("S" + i);
        Symbols cmd = new Symbols();
        StringWriter err = new StringWriter();
        int code = new CommandLine(cmd).setErr(new PrintWriter(err)).execute("--symbols", j.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(cmd.size).isEqualTo(200_000);
    }

    @Test
    void otherLongValuesAreQuotedShortToo() {
        String huge = "Z".repeat(10_000);
        for (String[] args : List.of(new String[] {"run", "--source", huge}, new String[] {"run", "--universe", huge},
                new String[] {"run", "--chart", huge, "--symbols", "AAPL"}, new String[] {"run", "--indicators", huge},
                new String[] {"run", "--indicators", "ema:" + huge}, new String[] {"run", "--backend", huge},
                new String[] {"run", "--from", huge}, new String[] {"run", "--source", "yahoo", "--yahoo-url", "ftp://" + huge},
                new String[] {"run", "--source", "yahoo", "--yahoo-timeout", huge})) {
            Result r = run(args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().lines()).hasSize(1);
            // the value is quoted, but never more than the first characters of it
            assertThat(r.err().toUpperCase(java.util.Locale.ROOT)).contains("Z".repeat(20)).doesNotContain("Z".repeat(UntrustedText.MAX_CHARS + 1));
        }
    }

    @Test
    void aRepeatedSymbolIsStillNamed() {
        Result r = run("fetch", "--symbols", "AAPL,MSFT,aapl2,BRK-B,BRK.B", "--source", "synthetic", "-o", "never-created");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--symbols: BRK.B is listed twice");
    }
}
