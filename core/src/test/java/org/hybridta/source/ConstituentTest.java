package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hybridta.Universe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstituentTest {
    @ParameterizedTest
    @ValueSource(strings = {"AAPL", "BRK.B", "BRK-B", "^GSPC", "EURUSD=X", "BTC-USD", "7203.T", "a.b.c", ".X"})
    void usableSymbolsAreAccepted(String symbol) {
        assertThat(Constituent.symbolProblem(symbol)).isEmpty();
        assertThat(Constituent.of(symbol).symbol()).isEqualTo(symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "", " ", "A/B", "../etc/passwd", "A\\B", "A\u0000B", "A\nB", "\u007f", "A\u2028"})
    void namesUnusableAsFilesOrUrlSegmentsAreRefused(String symbol) {
        assertThat(Constituent.symbolProblem(symbol)).isPresent();
        assertThatThrownBy(() -> Constituent.of(symbol)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("symbol ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new Constituent("OK", "", "", symbol)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Yahoo");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotsAreRefusedInAUniverseToo(String symbol) {
        assertThatThrownBy(() -> Universe.of("AAPL", symbol)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol \"" + symbol + "\" is not usable: a name of only dots names no file and no URL path segment");
    }

    @org.junit.jupiter.api.Test
    void aHugeSymbolIsRefusedWithAShortMessage() {
        String huge = "X".repeat(10_000);
        assertThatThrownBy(() -> Constituent.of(huge)).hasMessageContaining("longer than " + Constituent.MAX_SYMBOL_LENGTH)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(160));
    }
}
