package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help texts: every exit code of the manual, fetch's required --source, examples never split, the terminal's width. */
class HelpTest {
    private static final List<String> COMMANDS = List.of("run", "fetch", "compute");

    /** {@code hybridta [command] --help} rendered {@code width} columns wide. */
    private static String help(int width, String... command) {
        CommandLine cmd = HybridTa.commandLine();
        cmd.setUsageHelpAutoWidth(false);   // no terminal here: the width given
        cmd.setUsageHelpWidth(width);
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        assertThat(cmd.execute(args.toArray(String[]::new))).isZero();
        return out.toString();
    }

    /** The codes of a help text's "Exit codes:" section. */
    private static Set<Integer> exitCodes(String help) {
        String section = help.substring(help.indexOf("Exit codes:"));
        Set<Integer> codes = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (\\d+) +\\S").matcher(section.split("\\n\\n", 2)[0]);
        while (m.find()) codes.add(Integer.parseInt(m.group(1)));
        return codes;
    }

    @Test void theTopLevelHelpListsEveryExitCodeOfTheManualsTable() throws IOException {
        String manual = Files.readString(Path.of("..", "docs", "cli.md"));
        String table = manual.substring(manual.indexOf("| exit code | meaning |"));
        Set<Integer> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table.split("\\n\\n", 2)[0]);
        while (m.find()) documented.add(Integer.parseInt(m.group(1)));
        assertThat(documented).containsExactly(0, 1, 2, 3, 130, 143);
        assertThat(exitCodes(help(100))).isEqualTo(documented);
        for (String c : COMMANDS) assertThat(documented).as(c).containsAll(exitCodes(help(100, c)));
    }

    @Test void fetchsSynopsisShowsTheRequiredSourceAndItsExitCodesNoIndicatorSpecs() {
        String fetch = help(200, "fetch");
        String synopsis = fetch.substring(0, fetch.indexOf("\n", fetch.indexOf("Usage:")));
        assertThat(synopsis).contains(" --source=SOURCE ").doesNotContain("[--source=SOURCE]").contains("-o=DIR");
        assertThat(help(200, "run")).as("run's --source stays optional").contains("[--source=SOURCE]");
        String codes = fetch.substring(fetch.indexOf("Exit codes:"));
        assertThat(codes.split("\\n\\n", 2)[0]).doesNotContainIgnoringCase("indicator");
    }

    @Test void atEightyColumnsNoLineIsLongerAndNoExampleIsSplit() {
        for (String c : COMMANDS) {
            String text = help(80, c);
            assertThat(text.lines()).as(c).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
            String examples = text.substring(text.indexOf("Example"));
            List<String> lines = examples.lines().skip(1).filter(l -> !l.isBlank()).toList();
            assertThat(lines).as(c).isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                boolean continued = i > 0 && lines.get(i - 1).endsWith("\\");
                // a command starts each example; a line after a backslash continues it with whole arguments
                assertThat(l).as(c + ": " + l).matches(continued ? " {6}--?\\S.*" : "  java -jar examples/target/hybridta\\.jar \\S.*");
            }
        }
        assertThat(help(80)).contains("docs/cli.md").doesNotContain("docs/cli.\n");
    }

    @Test void everyCommandTakesTheTerminalsWidth() {
        CommandLine cmd = HybridTa.commandLine();
        assertThat(cmd.getCommandSpec().usageMessage().autoWidth()).isTrue();
        for (String c : COMMANDS) assertThat(cmd.getSubcommands().get(c).getCommandSpec().usageMessage().autoWidth()).as(c).isTrue();
        // on a wide terminal a description is one line, not cut at 80 columns
        assertThat(help(200, "run").lines().filter(l -> l.startsWith("Computes indicators for a whole universe"))).singleElement()
                .satisfies(l -> assertThat(l.length()).isGreaterThan(120));
    }
}
