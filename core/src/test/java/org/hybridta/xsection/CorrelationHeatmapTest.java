package org.hybridta.xsection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationHeatmapTest {
    @Test void groupsBySectorAndColoursByValue(@TempDir Path dir) throws Exception {
        // four symbols, two sectors, listed out of sector order; A and C are perfectly correlated
        List<String> symbols = List.of("A", "B", "C", "D");
        double[] v = {
            1, -1, 1, 0,
            -1, 1, -1, 0,
            1, -1, 1, 0,
            0, 0, 0, 1};
        Map<String, String> sectors = new HashMap<>(Map.of("A", "Energy", "B", "Utilities", "C", "Energy"));   // D has none
        Path png = dir.resolve("h.png");
        CorrelationHeatmap.write(new SymbolMatrix(symbols, v), sectors, "test", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(1000);
        BufferedImage direct = CorrelationHeatmap.render(new SymbolMatrix(symbols, v), sectors, "test");
        // order: Energy (A, C), Utilities (B), other (D); 250 pixels a symbol
        int x0 = 230 + 14 + 6, y0 = 60 + 14 + 6, cell = 250;
        assertThat(direct.getRGB(x0 + cell / 2, y0 + cell + cell / 2)).as("A-C").isEqualTo(CorrelationHeatmap.colour(1).getRGB());
        assertThat(direct.getRGB(x0 + 2 * cell + cell / 2, y0 + cell / 2)).as("A-B").isEqualTo(CorrelationHeatmap.colour(-1).getRGB());
        assertThat(direct.getRGB(x0 + 3 * cell + cell / 2, y0 + cell / 2)).as("A-D").isEqualTo(CorrelationHeatmap.colour(0).getRGB());
        assertThat(CorrelationHeatmap.colour(1).getRed()).isGreaterThan(CorrelationHeatmap.colour(1).getBlue());
        assertThat(Files.size(png)).isPositive();
    }

    @Test void largeMatricesAreAveragedToAThousandPixels() {
        int n = 1500;
        double[] v = new double[n * n];
        java.util.Arrays.fill(v, 0.5);
        BufferedImage img = CorrelationHeatmap.render(new SymbolMatrix(java.util.stream.IntStream.range(0, n).mapToObj(i -> "S" + i).toList(), v),
                Map.of(), "big");
        assertThat(img.getHeight()).isEqualTo(60 + 14 + 6 + 1000 + 30);
        assertThat(img.getRGB(250 + 500, 80 + 500)).isEqualTo(CorrelationHeatmap.colour(0.5).getRGB());
    }
}
