package org.hybridta.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartParserTest {
    @Test void fillAdjCloseUsesTheNearestLaterFactorThenTheNearestEarlier() {
        double[] close = {10, 20, 40, 50, 80};
        double[] adj = {Double.NaN, 18, Double.POSITIVE_INFINITY, 45, Double.NaN};   // factors: ?, 0.9, ?, 0.9 → ?
        adj[3] = 47.5;                                                                // factor 0.95 at bar 3
        int filled = ChartParser.fillAdjClose(close, adj);
        assertThat(filled).isEqualTo(3);
        assertThat(adj[0]).isCloseTo(9.0, within(1e-12));    // from bar 1 (0.9)
        assertThat(adj[2]).isCloseTo(38.0, within(1e-12));   // from bar 3 (0.95)
        assertThat(adj[4]).isCloseTo(76.0, within(1e-12));   // nothing later: bar 3 (0.95)
    }

    @Test void fillAdjCloseWithNoFactorAnywhereUsesTheClose() {
        double[] close = {10, 20};
        double[] adj = {Double.NaN, Double.NEGATIVE_INFINITY};
        assertThat(ChartParser.fillAdjClose(close, adj)).isEqualTo(2);
        assertThat(adj).containsExactly(10, 20);
    }

    @Test void describesWhatIsNotJson() {
        assertThat(ChartParser.describeNonJson(new byte[0])).isEqualTo("an empty body");
        assertThat(ChartParser.describeNonJson("<html><title>\n  Oops\n</title>".getBytes())).isEqualTo("an HTML page (title \"Oops\")");
        assertThat(ChartParser.describeNonJson("Too Many Requests\r\n".getBytes())).isEqualTo("text that is not JSON (\"Too Many Requests\")");
    }
}
