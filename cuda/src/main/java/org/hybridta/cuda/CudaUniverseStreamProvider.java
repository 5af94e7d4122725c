package org.hybridta.cuda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hybridta.backend.Availability;
import org.hybridta.cuda.driver.CudaProbe;
import org.hybridta.indicator.Indicator;
import org.hybridta.stream.UniverseSpec;
import org.hybridta.stream.UniverseStream;
import org.hybridta.stream.UniverseStreamProvider;

/**
 * The GPU universe stream ({@code cuda}): every (symbol, spec) state resident on the device, one upload, one launch
 * and one download per tick, values bit for bit the CPU's. It streams the 18 original indicators, CDLENGULFING, SAR
 * and a few more ({@code StreamKernel.FUNCTIONS}; moving-average parameters SMA to TEMA); with other specs
 * {@code auto} chooses the CPU stream instead (and logs why), and naming {@code cuda} fails listing them.
 * Priority 100, above the CPU's.
 */
public final class CudaUniverseStreamProvider implements UniverseStreamProvider {
    @Override public String name() { return CudaBackendProvider.NAME; }

    @Override public int priority() { return 100; }

    /** Loads JCuda lazily, here only; never throws. */
    @Override public Availability availability() {
        try {
            return CudaProbe.availability();
        } catch (Throwable t) {
            return Availability.no("CUDA driver not usable: " + t);
        }
    }

    @Override public boolean supports(List<Indicator> indicators) {
        return StreamKernel.unsupported(indicators).isEmpty();
    }

    /** @throws IllegalArgumentException naming the specs it has no GPU step for (before the device is opened) */
    @Override public UniverseStream open(UniverseSpec spec) {
        CudaUniverseStream.requireSupported(name(), spec.indicators());
        return new CudaUniverseStream(name(), format(), spec, new CudaStreamDevice(spec.device()));
    }

    /** The state's layout is stream.cu's: its PTX's first line (the sources' hash) names it in snapshots. */
    static String format() {
        String ptx = new String(PtxModule.ptxBytes(PtxModule.STREAM), 0, 200, StandardCharsets.US_ASCII);
        return ptx.lines().findFirst().orElse("").replace("// ", "");
    }
}
