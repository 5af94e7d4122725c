package org.hybridta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hybridta.Pipeline;
import org.hybridta.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartSinkTest {

    @Test
    void rendersOnePngPerRequestedSymbolThatIsNotBlank(@TempDir Path dir) throws IOException {
        Path charts = dir.resolve("charts");
        PipelineResult r = Pipeline.builder().symbols("AAPL", "BRK.B", "MSFT").between(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1))
                .backend("cpu").sink(ChartSink.to(charts, List.of("AAPL", "BRK.B", "NOTINRUN"))).build().run();
        assertThat(r.files()).containsExactly(charts.resolve("AAPL.png"), charts.resolve("BRK.B.png"));
        for (Path png : r.files()) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(1400);
            assertThat(img.getHeight()).isEqualTo(560 + 220 + 260);
            // a real chart has many colours (lines, bands, text), a blank one has one or two
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
            assertThat(colours.size()).isGreaterThan(50);
            // each panel has ink in its plot area, not only the top one
            for (int[] band : new int[][] {{60, 500}, {600, 740}, {820, 1000}}) {
                int ink = 0;
                for (int y = band[0]; y < band[1]; y += 2) for (int x = 100; x < 1300; x += 2) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
                assertThat(ink).as("ink in rows " + band[0] + ".." + band[1]).isGreaterThan(500);
            }
        }
        try (Stream<Path> files = Files.list(charts)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    @Test
    void aChartOfMadeUpPricesSaysSoInItsTitle() {
        assertThat(ChartSink.title("AAPL", true)).isEqualTo("AAPL (synthetic prices, not market data)");
        assertThat(ChartSink.title("AAPL", false)).isEqualTo("AAPL");
    }
}
