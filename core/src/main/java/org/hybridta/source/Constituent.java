package org.hybridta.source;

import java.util.Objects;

/**
 * One member of a universe.
 *
 * @param symbol      the symbol as the universe lists it, e.g. {@code BRK.B}; it names the series in output
 * @param name        company name, or empty
 * @param sector      GICS sector, or empty
 * @param yahooSymbol the symbol Yahoo Finance uses, e.g. {@code BRK-B} (share classes take a dash there)
 */
public record Constituent(String symbol, String name, String sector, String yahooSymbol) {
    public Constituent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(yahooSymbol, "yahooSymbol");
        if (symbol.isBlank()) throw new IllegalArgumentException("symbol must not be blank");
    }

    /** A constituent known only by its symbol, used unchanged at every source. */
    public static Constituent of(String symbol) {
        return new Constituent(symbol, "", "", symbol);
    }
}
