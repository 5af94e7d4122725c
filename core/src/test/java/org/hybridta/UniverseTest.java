package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hybridta.source.Constituent;
import org.junit.jupiter.api.Test;

class UniverseTest {

    @Test
    void sp500HasItsConstituentsWithNamesSectorsAndYahooSymbols() {
        Universe sp = Universe.sp500();
        assertThat(sp.size()).isEqualTo(503);
        assertThat(sp.asOf()).contains(LocalDate.of(2024, 6, 24));
        assertThat(sp.symbols()).contains("AAPL", "MSFT", "BRK.B", "BF.B", "GOOGL", "GOOG").doesNotHaveDuplicates();
        Constituent brk = sp.find("BRK.B").orElseThrow();
        assertThat(brk.yahooSymbol()).isEqualTo("BRK-B");
        assertThat(brk.name()).isEqualTo("Berkshire Hathaway");
        assertThat(brk.sector()).isEqualTo("Financials");
        assertThat(sp.find("BRK-B")).contains(brk);
        assertThat(sp.find("BXP").orElseThrow().name()).isEqualTo("BXP, Inc.");
        assertThat(sp.members()).allSatisfy(c -> {
            assertThat(c.name()).isNotBlank();
            assertThat(c.sector()).isIn("Communication Services", "Consumer Discretionary", "Consumer Staples", "Energy",
                    "Financials", "Health Care", "Industrials", "Information Technology", "Materials", "Real Estate", "Utilities");
            assertThat(c.yahooSymbol()).doesNotContain(".");
        });
    }

    @Test
    void customUniverseKeepsOrderAndRefusesDuplicatesAndBlanks() {
        Universe u = Universe.of("MSFT", " AAPL ", "BRK.B");
        assertThat(u.symbols()).containsExactly("MSFT", "AAPL", "BRK.B");
        assertThat(u.find("BRK.B").orElseThrow().yahooSymbol()).isEqualTo("BRK.B");
        assertThatThrownBy(() -> Universe.of("A", "B", "A")).hasMessageContaining("A is listed twice");
        assertThatThrownBy(() -> Universe.of("A", " ")).hasMessageContaining("empty symbol");
        assertThat(Universe.of().isEmpty()).isTrue();
        assertThat(Universe.sp500().first(5).symbols()).hasSize(5).containsExactly("MMM", "AOS", "ABT", "ABBV", "ACN");
    }
}
