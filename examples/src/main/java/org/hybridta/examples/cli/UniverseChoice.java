package org.hybridta.examples.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hybridta.Universe;
import org.hybridta.io.UntrustedText;
import org.hybridta.source.Constituent;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --universe} and {@code --symbols} options (one or the other), shared by {@code run} and {@code fetch}. */
final class UniverseChoice {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.^=\\-]{1,20}");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    static final class Selection {
        @Option(names = "--universe", paramLabel = "NAME", description = "The universe: sp500 (the default).")
        String universe;

        @Option(names = "--symbols", paramLabel = "SYM", split = ",",
                description = "These symbols instead of a universe. S&P 500 members keep their Yahoo form (BRK.B is fetched as BRK-B).")
        List<String> symbols;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Selection selection;

    /**
     * The universe asked for: the symbols given (S&amp;P 500 members with their names, sectors and Yahoo symbols),
     * else the named universe, else the S&amp;P 500.
     *
     * @throws ParameterException for a malformed or repeated symbol, no symbols, or an unknown universe
     */
    Universe universe() {
        if (selection != null && selection.symbols != null) {
            Universe sp = Universe.sp500();
            List<Constituent> members = new ArrayList<>(selection.symbols.size());
            Set<String> seen = new HashSet<>();
            for (String s : selection.symbols) {
                String sym = s.strip();
                if (sym.isEmpty()) continue;
                Optional<String> problem = Constituent.symbolProblem(sym);
                if (problem.isPresent()) throw new ParameterException(mixee.commandLine(), "--symbols: " + problem.get());
                if (!SYMBOL.matcher(sym).matches()) {
                    throw new ParameterException(mixee.commandLine(), "--symbols: " + UntrustedText.quote(s) + " is not a symbol "
                            + "(letters, digits, '.', '-', '^', '=', at most 20 characters)");
                }
                // S&P 500 members keep their names, sectors and Yahoo symbols (BRK.B and BRK-B are one member)
                Constituent c = sp.find(sym).orElseGet(() -> Constituent.of(sym));
                if (!seen.add(c.symbol())) {
                    throw new ParameterException(mixee.commandLine(), "--symbols: " + sym + " is listed twice"
                            + (sym.equals(c.symbol()) ? "" : " (as " + c.symbol() + ")"));
                }
                members.add(c);
            }
            if (members.isEmpty()) throw new ParameterException(mixee.commandLine(), "--symbols: no symbols given; the universe would be empty");
            return Universe.ofConstituents("custom", members);
        }
        String name = selection == null || selection.universe == null ? "sp500" : selection.universe.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("sp500")) {
            throw new ParameterException(mixee.commandLine(), "--universe " + UntrustedText.cap(name) + ": unknown universe (known: sp500); or give --symbols");
        }
        return Universe.sp500();
    }
}
