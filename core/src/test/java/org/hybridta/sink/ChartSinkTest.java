package org.hybridta.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.hybridta.PipelineException;
import org.hybridta.PipelineResult;
import org.hybridta.io.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartSinkTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1), TO = LocalDate.of(2024, 1, 1);

    @Test
    void rendersOnePngPerRequestedSymbolThatIsNotBlank(@TempDir Path dir) throws IOException {
        Path charts = dir.resolve("charts");
        PipelineResult r = Pipeline.builder().symbols("AAPL", "BRK.B", "MSFT").between(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1))
                .backend("cpu").sink(ChartSink.to(charts, List.of("AAPL", "BRK.B", "NOTINRUN"))).build().run();
        assertThat(r.files()).containsExactly(charts.resolve("AAPL.png"), charts.resolve("BRK.B.png"));
        for (Path png : r.files()) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(1400);
            assertThat(img.getHeight()).as("price, volume, RSI and MACD panels").isGreaterThan(ChartPainter.PRICE + ChartPainter.VOLUME
                    + 2 * ChartPainter.INDICATOR);
            // a real chart has many colours (lines, bands, text), a blank one has one or two
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
            assertThat(colours.size()).isGreaterThan(50);
            // each quarter of the image has ink in its plot area (the price, the volume, RSI, MACD), not only the top one
            for (int q = 0; q < 4; q++) {
                int ink = 0;
                for (int y = 60 + q * (img.getHeight() - 90) / 4; y < 60 + (q + 1) * (img.getHeight() - 90) / 4; y += 2) {
                    for (int x = 100; x < 1300; x += 2) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
                }
                assertThat(ink).as("ink in quarter " + q).isGreaterThan(500);
            }
        }
        try (Stream<Path> files = Files.list(charts)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
        }
    }

    @Test
    void aFullDiskNamesTheChartAndTheCauseAndLeavesNoPartialPng(@TempDir Path dir) throws IOException {
        Path charts = Files.createDirectory(dir.resolve("charts"));
        try (Devices.Mount small = Devices.tmpfs(charts, "16k")) {   // far less than one chart
            Pipeline p = Pipeline.builder().symbols("AAPL", "MSFT").between(FROM, TO).backend("cpu")
                    .sink(ChartSink.to(charts, List.of("AAPL", "MSFT"))).build();
            assertThatThrownBy(p::run).isInstanceOf(PipelineException.class)
                    .hasMessage("cannot write output: " + charts.resolve("AAPL.png") + ": no space left on device");
            try (Stream<Path> left = Files.list(charts)) {
                assertThat(left).as("no partial PNG, no temporary file").isEmpty();
            }
        }
    }

    @Test
    void aPngIsEncodedInMemoryWholeAndReadsBack() throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0x123456);
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(ChartSink.png(img)));
        assertThat(back.getRGB(3, 4) & 0xffffff).isEqualTo(0x123456);
    }

    @Test
    void aChartOfMadeUpPricesSaysSoInItsTitle() {
        assertThat(ChartSink.title("AAPL", true)).isEqualTo("AAPL (synthetic prices, not market data)");
        assertThat(ChartSink.title("AAPL", false)).isEqualTo("AAPL");
    }
}
