package org.hybridta.source;

import java.util.Objects;
import java.util.Optional;
import org.hybridta.io.UntrustedText;

/**
 * One member of a universe.
 *
 * <p>Both symbols become file names ({@code SYMBOL.csv}, cache entries) and URL path segments, so a name that
 * cannot be one is refused here, in one place for every source and command: see {@link #symbolProblem}.
 *
 * @param symbol      the symbol as the universe lists it, e.g. {@code BRK.B}; it names the series in output
 * @param name        company name, or empty
 * @param sector      GICS sector, or empty
 * @param yahooSymbol the symbol Yahoo Finance uses, e.g. {@code BRK-B} (share classes take a dash there)
 */
public record Constituent(String symbol, String name, String sector, String yahooSymbol) {
    /** The longest symbol accepted: far longer than any real one, far shorter than a file name may be. */
    public static final int MAX_SYMBOL_LENGTH = 64;

    /** @throws IllegalArgumentException when a symbol is not usable (see {@link #symbolProblem}) */
    public Constituent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(yahooSymbol, "yahooSymbol");
        Optional<String> problem = symbolProblem(symbol);
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
        problem = symbolProblem(yahooSymbol);
        if (problem.isPresent()) throw new IllegalArgumentException("Yahoo " + problem.get() + " (of " + symbol + ")");
    }

    /** A constituent known only by its symbol, used unchanged at every source. */
    public static Constituent of(String symbol) {
        return new Constituent(symbol, "", "", symbol);
    }

    /**
     * Why {@code symbol} cannot name a series, or empty when it can. Refused: an empty or blank symbol, one longer
     * than {@value #MAX_SYMBOL_LENGTH} characters, one of only dots ({@code .}, {@code ..}: as a file name or URL
     * path segment they mean a directory), and one containing {@code /}, {@code \} or a control character.
     * The message quotes the symbol {@linkplain UntrustedText capped}.
     */
    public static Optional<String> symbolProblem(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        String shown = "symbol " + UntrustedText.quote(symbol) + " is not usable: ";
        if (symbol.isBlank()) return Optional.of("symbol " + UntrustedText.quote(symbol) + " is empty");
        if (symbol.length() > MAX_SYMBOL_LENGTH) {
            return Optional.of(shown + "it is longer than " + MAX_SYMBOL_LENGTH + " characters (" + symbol.length() + ")");
        }
        if (symbol.chars().allMatch(c -> c == '.')) {
            return Optional.of(shown + "a name of only dots names no file and no URL path segment");
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (c == '/' || c == '\\') return Optional.of(shown + "it contains '" + c + "', which separates folders in paths");
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(shown + String.format("it contains the control character U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }
}
