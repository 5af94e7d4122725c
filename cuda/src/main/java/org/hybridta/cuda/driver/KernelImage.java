package org.hybridta.cuda.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kernels' machine code as shipped: {@code hybridta.fatbin} (SASS for the architectures in its record, PTX for
 * compute_80) and its record {@code hybridta.fatbin.txt} (the hashes of sources, PTX and fatbin, the architectures
 * with SASS), both written by {@code cuda/build-kernels.sh}. A GPU whose architecture has SASS here loads it as it is;
 * any other (compute capability 8.0 or newer) has the driver JIT-compile the PTX, which takes seconds at the first
 * call of a process unless the driver's JIT cache holds it.
 *
 * @param fatbin the fatbin's bytes, for {@code cuModuleLoadData}
 * @param record the record's fields (first word of each line: the rest)
 */
public record KernelImage(byte[] fatbin, Map<String, String> record) {
    public static final String FATBIN = "hybridta.fatbin";
    public static final String RECORD = "hybridta.fatbin.txt";

    /** The shipped image, read from the jar. */
    public static KernelImage load() {
        String text = new String(resource(RECORD), StandardCharsets.US_ASCII);
        Map<String, String> fields = text.lines().filter(l -> l.indexOf(' ') > 0)
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1), (a, b) -> b));
        return new KernelImage(resource(FATBIN), fields);
    }

    /** The compute capabilities (e.g. 90 for sm_90) with SASS in the fatbin. */
    public List<Integer> sass() {
        return java.util.Arrays.stream(record.getOrDefault("sass", "").split(" ")).filter(s -> s.startsWith("sm_"))
                .map(s -> Integer.parseInt(s.substring(3))).toList();
    }

    /** Whether a GPU of compute capability {@code cc} (e.g. 90) loads SASS rather than JIT-compiling the PTX. */
    public boolean hasSass(int cc) {
        return sass().contains(cc);
    }

    public static byte[] resource(String name) {
        try (InputStream in = KernelImage.class.getResourceAsStream("/org/hybridta/cuda/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the hybridta-cuda jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
