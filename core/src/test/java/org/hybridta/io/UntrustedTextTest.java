package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
    @Test
    void shortTextIsQuotedAsItIs() {
        assertThat(UntrustedText.quote("AAPL")).isEqualTo("\"AAPL\"");
        assertThat(UntrustedText.quote("")).isEqualTo("\"\"");
    }

    @Test
    void longTextIsCutAtTheLimitWithAnEllipsis() {
        String symbol = "X".repeat(10_000);
        String q = UntrustedText.quote(symbol);
        assertThat(q).isEqualTo("\"" + "X".repeat(UntrustedText.MAX_CHARS) + "…\"");
        assertThat(UntrustedText.cap("Y".repeat(UntrustedText.MAX_CHARS))).isEqualTo("Y".repeat(UntrustedText.MAX_CHARS));
        assertThat(UntrustedText.cap("Y".repeat(UntrustedText.MAX_CHARS + 1))).isEqualTo("Y".repeat(UntrustedText.MAX_CHARS) + "…");
    }

    @Test
    void controlCharactersAreEscapedSoTheMessageStaysOneLine() {
        assertThat(UntrustedText.quote("a\nb\tc\u0000d\u001b[31m\u2028")).isEqualTo("\"a\\nb\\tc\\u0000d\\u001B[31m\\u2028\"");
        // an escape counts for what it shows, so the cap still bounds the length
        assertThat(UntrustedText.cap("\n".repeat(1000)).length()).isLessThanOrEqualTo(UntrustedText.MAX_CHARS + 1);
    }

    @Test
    void aSurrogatePairIsNeverCutInHalf() {
        String s = "a".repeat(UntrustedText.MAX_CHARS - 1) + "\uD83D\uDE00" + "tail";
        String c = UntrustedText.cap(s);
        assertThat(c).endsWith("…");
        assertThat(Character.isHighSurrogate(c.charAt(c.length() - 2))).isFalse();
    }

    @Test
    void nullIsShownAsSuch() {
        assertThat(UntrustedText.quote(null)).isEqualTo("null");
    }
}
