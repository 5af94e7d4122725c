package org.hybridta.io;

/**
 * Text from outside — a file's content, a server's answer, a symbol typed by a user — shown in a message:
 * capped at {@value #MAX_CHARS} characters (a cut is marked with "…") and with control characters escaped, so a
 * message stays one short line however long or strange the text, and a file that should never have been read
 * (a link to a secret) shows at most its first few characters.
 */
public final class UntrustedText {
    /** The most characters of untrusted text a message shows. */
    public static final int MAX_CHARS = 80;

    private UntrustedText() {}

    /** {@code text} in double quotes, {@linkplain #cap capped}; {@code null} as the word null. */
    public static String quote(String text) {
        return text == null ? "null" : "\"" + cap(text) + "\"";
    }

    /**
     * {@code text} with control characters (and the Unicode line separators) escaped as {@code \n}, {@code \t} or
     * {@code \}{@code uXXXX}, cut after {@value #MAX_CHARS} characters of output with "…" appended.
     */
    public static String cap(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece;
            if (c == '\n') piece = "\\n";
            else if (c == '\r') piece = "\\r";
            else if (c == '\t') piece = "\\t";
            else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') piece = String.format("\\u%04X", (int) c);
            else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                piece = text.substring(i, i + 2);
            } else piece = String.valueOf(c);
            if (b.length() + piece.length() > MAX_CHARS) return b.append('…').toString();
            b.append(piece);
            i += piece.length() == 2 && Character.isHighSurrogate(c) ? 1 : 0;
        }
        return b.toString();
    }
}
