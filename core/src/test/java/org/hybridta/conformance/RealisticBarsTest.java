package org.hybridta.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hybridta.BarSeries;
import org.junit.jupiter.api.Test;

class RealisticBarsTest {

    @Test
    void theCommittedCsvIsWhatTheGeneratorWrites() throws IOException {
        try (InputStream in = RealisticBars.class.getResourceAsStream(RealisticBars.RESOURCE)) {
            assertThat(in).as(RealisticBars.RESOURCE).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(RealisticBars.csv());
        }
    }

    @Test
    void theSeriesLooksLikeSixYearsOfAStock() {
        BarSeries s = RealisticBars.load();
        assertThat(s.size()).isBetween(1500, 1530);
        assertThat(s.date(0)).hasToString("2018-01-02");
        assertThat(s.date(s.size() - 1)).hasToString("2023-12-29");
        double[] o = s.open(), h = s.high(), l = s.low(), c = s.close(), v = s.volume();
        int halted = 0, unchanged = 0;
        for (int t = 0; t < s.size(); t++) {
            assertThat(l[t]).as("low at bar %d", t).isPositive().isLessThanOrEqualTo(Math.min(o[t], c[t]));
            assertThat(h[t]).as("high at bar %d", t).isGreaterThanOrEqualTo(Math.max(o[t], c[t]));
            if (v[t] == 0) {
                halted++;
                assertThat(h[t]).isEqualTo(l[t]).isEqualTo(c[t]).isEqualTo(c[t - 1]);
            }
            if (t > 0 && c[t] == c[t - 1]) unchanged++;
        }
        assertThat(halted).as("halted days").isBetween(2, 20);
        assertThat(unchanged).as("unchanged closes").isGreaterThan(halted);
    }
}
