package org.hybridta.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
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

    /** A pipeline with charts, built in a class loader whose XChart lacks a class the charts use (as another version would). */
    @Test
    void anXChartOfAnotherVersionFailsWhenThePipelineIsBuiltNamingTheVersionNeeded(@TempDir Path dir) throws Exception {
        Path xchart = Path.of(org.knowm.xchart.XYChart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path other = dir.resolve("xchart-3.0.0-test.jar");
        copyJar(xchart, other, "org/knowm/xchart/BitmapEncoder.class", "3.0.0-test");
        Throwable failure = buildWithChartsIn(classPath(xchart, other), dir);
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("charts need XChart " + ChartSink.XCHART_VERSION + " (org.knowm.xchart:xchart:"
                        + ChartSink.XCHART_VERSION + ") on the class path; it has XChart 3.0.0-test (java.lang.NoClassDefFoundError: "
                        + "org/knowm/xchart/BitmapEncoder");
        assertThat(ChartSink.XCHART_VERSION).as("the version the build used, from the POM").matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void noXChartAtAllFailsWhenThePipelineIsBuilt(@TempDir Path dir) throws Exception {
        Path xchart = Path.of(org.knowm.xchart.XYChart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Throwable failure = buildWithChartsIn(classPath(xchart, null), dir);
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("charts need XChart " + ChartSink.XCHART_VERSION + " (org.knowm.xchart:xchart:" + ChartSink.XCHART_VERSION
                        + ") on the class path; it has none");
    }

    /** Builds (does not run) a pipeline with a chart sink, with core and its dependencies loaded from {@code urls} alone. */
    private static Throwable buildWithChartsIn(List<URL> urls, Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> sinkType = loader.loadClass(ResultSink.class.getName());
            assertThat(sinkType).isNotSameAs(ResultSink.class);
            Object sink = loader.loadClass(ChartSink.class.getName()).getMethod("to", Path.class, List.class)
                    .invoke(null, dir.resolve("charts"), List.of("AAPL"));
            Object builder = loader.loadClass(Pipeline.class.getName()).getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass();
            builderType.getMethod("symbols", String[].class).invoke(builder, (Object) new String[] {"AAPL"});
            builderType.getMethod("sink", sinkType).invoke(builder, sink);
            try {
                builderType.getMethod("build").invoke(builder);
                return null;
            } catch (InvocationTargetException e) {
                return e.getCause();
            } finally {
                assertThat(dir.resolve("charts")).as("building writes nothing").doesNotExist();
            }
        }
    }

    /** This test run's class path with XChart's jar replaced by {@code replacement} (or left out when null). */
    private static List<URL> classPath(Path xchart, Path replacement) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path p = Path.of(entry);
            if (Files.exists(p) && Files.isSameFile(p, xchart)) {
                if (replacement != null) urls.add(replacement.toUri().toURL());
            } else {
                urls.add(p.toUri().toURL());
            }
        }
        return urls;
    }

    /** Copies a jar without one entry, giving it another version in its Maven properties. */
    private static void copyJar(Path from, Path to, String without, String version) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from));
             JarOutputStream out = in.getManifest() == null ? new JarOutputStream(Files.newOutputStream(to))
                     : new JarOutputStream(Files.newOutputStream(to), in.getManifest())) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().equals(without)) continue;
                out.putNextEntry(new JarEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith("xchart/pom.properties")) {
                    bytes = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("(?m)^version=.*$", "version=" + version)
                            .getBytes(StandardCharsets.ISO_8859_1);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    @Test
    void aChartOfMadeUpPricesSaysSoInItsTitle() {
        assertThat(ChartSink.title("AAPL", true)).isEqualTo("AAPL (synthetic prices, not market data)");
        assertThat(ChartSink.title("AAPL", false)).isEqualTo("AAPL");
    }
}
