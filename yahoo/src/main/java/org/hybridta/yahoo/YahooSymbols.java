package org.hybridta.yahoo;

import java.util.Optional;
import org.hybridta.io.UntrustedText;

/** Checks Yahoo symbols before anything is sent, so a malformed one never becomes a request. */
final class YahooSymbols {
    /** Longer than any Yahoo symbol (option symbols run to about 21 characters). */
    static final int MAX_LENGTH = 32;

    private YahooSymbols() {}

    /** Why {@code symbol} cannot be sent to Yahoo, or empty when it can. */
    static Optional<String> problem(String symbol) {
        if (symbol.isEmpty()) return Optional.of("Yahoo symbol is empty");
        if (symbol.length() > MAX_LENGTH) {
            return Optional.of("Yahoo symbol " + UntrustedText.quote(symbol) + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '^' || c == '=';
            if (!ok) {
                return Optional.of("Yahoo symbol " + UntrustedText.quote(symbol) + " has " + describe(c) + " at position " + (i + 1)
                        + "; allowed are letters, digits, '.', '-', '^' and '='");
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f || Character.isWhitespace(c)
                ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
    }
}
