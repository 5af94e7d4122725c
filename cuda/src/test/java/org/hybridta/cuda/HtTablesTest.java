package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sin and cos tables of the kernels' Hilbert-transform phase ({@code ht_tables.cuh}) are core's
 * ({@code HilbertTransform.Phase.SIN} and {@code COS}, glibc's roundings), bit for bit: HT_DCPHASE, HT_SINE and
 * HT_TRENDMODE take their DFT from them. Runs without a GPU.
 */
class HtTablesTest {
    @Test void theKernelTablesAreCores() throws Exception {
        assumeTrue(PtxSourceTest.SOURCES != null, "skipped: the CUDA sources are not in this working directory");
        String text = Files.readString(PtxSourceTest.SOURCES.resolve("ht_tables.cuh"));
        Class<?> phase = Class.forName("org.hybridta.functions.HilbertTransform$Phase");
        for (String name : List.of("SIN", "COS")) {
            var field = phase.getDeclaredField(name);
            field.setAccessible(true);
            double[][] core = (double[][]) field.get(null);
            List<Double> expected = new ArrayList<>();
            for (int n = 1; n < core.length; n++) for (double v : core[n]) expected.add(v);
            Matcher m = Pattern.compile("HT_" + name + "\\[(\\d+)] = \\{([^}]*)}").matcher(text);
            assertThat(m.find()).as("ht_tables.cuh defines HT_%s", name).isTrue();
            List<Double> kernel = new ArrayList<>();
            for (String v : m.group(2).split(",")) if (!v.isBlank()) kernel.add(Double.parseDouble(v.strip()));
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(expected.size());
            // compared as bits: -0.0 and 0.0 differ, as they would in the DFT's sums
            assertThat(kernel.stream().map(Double::doubleToRawLongBits).toList()).as("HT_%s", name)
                    .isEqualTo(expected.stream().map(Double::doubleToRawLongBits).toList());
        }
    }
}
