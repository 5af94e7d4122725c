package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Precision;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.conformance.HostPanels;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code computeInto} on the GPU: from and into buffers page-locked by {@code allocateHostBuffer} (DMA, no staging),
 * plain direct buffers (through the staging) and a mix, always the values {@code compute} gives; and the
 * registration's lifetime. Skipped without a GPU.
 */
@RequiresGpu
class ComputeIntoGpuTest {
    /** A fixed workload (4 inputs, 23 outputs: one batch even on the tiny budget), not the growing catalog. */
    private static final List<Indicator> SPECS = FirstIndicators.all();
    /** 4 inputs + 23 outputs + staging: about 9 MB per group of 32 series (double), so 12 MB cuts 1000 series into 32 chunks. */
    private static final long TINY_BUDGET = 12_000_000;

    private static CudaBackend open(Precision precision, long budget) {
        return CudaBackend.open(BackendOptions.builder().precision(precision).deviceMemoryBudget(budget).build());
    }

    private static LongFunction<ByteBuffer> plainDirect() {
        return n -> ByteBuffer.allocateDirect(Math.toIntExact(n)).order(ByteOrder.nativeOrder());
    }

    @ParameterizedTest @EnumSource(Precision.class)
    void pageLockedBuffersGiveComputesValuesInManyChunks(Precision precision) {
        Panel p = RandomPanels.of(System.nanoTime(), 1000, 700, true);
        try (CudaBackend b = open(precision, TINY_BUDGET)) {
            HostPanel host = HostPanels.copy(p, b::allocateHostBuffer);
            List<Buffer> out = HostPanels.outputs(Indicators.columns(SPECS).size(), cells(p), precision == Precision.FLOAT, b::allocateHostBuffer);
            assertThat(b.hostBuffersRegistered()).isEqualTo(5 + out.size());
            out.get(3).position(11);  // a position of the caller's stays as it is
            b.computeInto(host, SPECS, out);
            assertThat(directBuffers(b.profile())).as(b.profile()).containsExactly(4 + out.size(), 4 + out.size());  // open is not read
            assertThat(out.get(3).position()).isEqualTo(11);
            assertEqualToCompute(p, b.compute(p, SPECS), out, precision);
            assertThat(ChunkPlan.plan(1000, 700, 4, Indicators.columns(SPECS).size(), 0, 8, TINY_BUDGET, ChunkPlan.DEFAULT_HOST_SLOT_BYTES).chunks()).isEqualTo(32);
        }
    }

    @ParameterizedTest @EnumSource(Precision.class)
    void plainDirectBuffersGoThroughTheStagingWithTheSameValues(Precision precision) {
        Panel p = RandomPanels.of(System.nanoTime(), 1000, 700, true);
        try (CudaBackend b = open(precision, TINY_BUDGET)) {
            HostPanel host = HostPanels.copy(p, plainDirect());
            List<Buffer> out = HostPanels.outputs(Indicators.columns(SPECS).size(), cells(p), precision == Precision.FLOAT, plainDirect());
            b.computeInto(host, SPECS, out);
            assertThat(directBuffers(b.profile())).as(b.profile()).containsExactly(0, 4 + out.size());
            assertEqualToCompute(p, b.compute(p, SPECS), out, precision);
        }
    }

    /** Page-locked inputs with plain outputs and the other way round, on the backend's default budget (one chunk). */
    @ParameterizedTest @EnumSource(Precision.class)
    void mixedBuffersGiveTheSameValues(Precision precision) {
        Panel p = RandomPanels.of(System.nanoTime(), 257, 600, true);
        try (CudaBackend b = open(precision, 0)) {
            boolean floats = precision == Precision.FLOAT;
            int n = Indicators.columns(SPECS).size();
            IndicatorValues ref = b.compute(p, SPECS);
            List<Buffer> out = HostPanels.outputs(n, cells(p), floats, plainDirect());
            b.computeInto(HostPanels.copy(p, b::allocateHostBuffer), SPECS, out);
            assertThat(directBuffers(b.profile())).containsExactly(4, 4 + n);
            assertEqualToCompute(p, ref, out, precision);
            out = HostPanels.outputs(n, cells(p), floats, b::allocateHostBuffer);
            b.computeInto(HostPanels.copy(p, plainDirect()), SPECS, out);
            assertThat(directBuffers(b.profile())).containsExactly(n, 4 + n);
            assertEqualToCompute(p, ref, out, precision);
        }
    }

    /** Views at an offset into one page-locked buffer (the driver maps interior addresses too) still move directly. */
    @Test void viewsIntoOnePageLockedBufferMoveDirectly() {
        Panel p = RandomPanels.of(System.nanoTime(), 100, 500, true);
        List<Indicator> specs = List.of(Indicators.ema(20), Indicators.macd(12, 26, 9));
        try (CudaBackend b = open(Precision.DOUBLE, 0)) {
            int cells = cells(p);
            ByteBuffer block = b.allocateHostBuffer(8L * (5 * cells + 3));
            int[] next = {24};  // not on a page boundary
            LongFunction<ByteBuffer> carve = n -> {
                ByteBuffer v = block.slice(next[0], Math.toIntExact(n)).order(ByteOrder.nativeOrder());
                next[0] += (int) n;
                return v;
            };
            HostPanel host = HostPanels.copy(p, carve);  // 5 fields
            List<Buffer> out = HostPanels.outputs(4, cells, false, b::allocateHostBuffer);
            b.computeInto(host, specs, out);
            assertThat(directBuffers(b.profile())).as(b.profile()).containsExactly(1 + 4, 1 + 4);
            assertEqualToCompute(p, b.compute(p, specs), out, Precision.DOUBLE);
        }
    }

    @Test void outputsOfTheWrongPrecisionAreRefusedByColumn() {
        Panel p = RandomPanels.of(3, 40, 50, false);
        try (CudaBackend dbl = open(Precision.DOUBLE, 0); CudaBackend flt = open(Precision.FLOAT, 0)) {
            HostPanel host = HostPanels.copy(p, dbl::allocateHostBuffer);
            List<Indicator> ema = List.of(Indicators.ema(5));
            assertThatThrownBy(() -> dbl.computeInto(host, ema, HostPanels.outputs(1, cells(p), true, plainDirect())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("column ema_5: a FloatBuffer, but this backend computes in double");
            assertThatThrownBy(() -> flt.computeInto(host, ema, HostPanels.outputs(1, cells(p), false, plainDirect())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("column ema_5: a DoubleBuffer, but this backend computes in float");
            assertThatThrownBy(() -> dbl.computeInto(host, List.of(Indicators.ema(5), Indicators.ema(5)), HostPanels.outputs(2, cells(p), false, plainDirect())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column ema_5 would be computed twice");
            HostPanel closeOnly = HostPanel.builder(40, 50).field(Field.CLOSE, host.data(Field.CLOSE)).build();
            assertThatThrownBy(() -> dbl.computeInto(closeOnly, List.of(Indicators.atr(14)), HostPanels.outputs(1, cells(p), false, plainDirect())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("atr:14 needs high and low values, which the panel lacks");
        }
    }

    /**
     * Close unregisters every buffer (another backend can then register the same memory again, which the driver
     * refuses for memory still registered), gives back the device memory, and leaves the buffers' memory valid.
     */
    @Test void closeUnregistersAndTheMemoryStaysValid() {
        Panel p = RandomPanels.of(9, 300, 400, true);
        List<Indicator> specs = List.of(Indicators.rsi(14));
        try (org.hybridta.cuda.driver.CudaDevice diag = org.hybridta.cuda.driver.CudaDevice.open(-1)) {  // keeps the primary context alive to measure
            try (CudaBackend warm = open(Precision.DOUBLE, 0)) {
                warm.computeInto(HostPanels.copy(p, warm::allocateHostBuffer), specs, HostPanels.outputs(1, cells(p), false, warm::allocateHostBuffer));
            }
            long before = free(diag);
            CudaBackend b = open(Precision.DOUBLE, 0);
            HostPanel host = HostPanels.copy(p, b::allocateHostBuffer);
            List<Buffer> out = HostPanels.outputs(1, cells(p), false, b::allocateHostBuffer);
            ByteBuffer spare = b.allocateHostBuffer(10_000);
            b.computeInto(host, specs, out);
            double[] values = HostPanels.read(out.get(0), cells(p));
            assertThat(b.hostBuffersRegistered()).isEqualTo(7);
            b.close();
            b.close();  // twice is safe
            assertThat(b.hostBuffersRegistered()).isZero();
            assertThat(free(diag)).as("free device memory after close (before: %d)", before).isEqualTo(before);
            assertThat(HostPanels.read(out.get(0), cells(p))).isEqualTo(values);  // still readable, unchanged
            assertThatThrownBy(() -> b.allocateHostBuffer(4096)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> b.computeInto(host, specs, out)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

            try (CudaBackend second = open(Precision.DOUBLE, 0)) {
                // the first backend's buffers are plain direct memory to the second: the staging path, same values
                second.computeInto(host, specs, out);
                assertThat(directBuffers(second.profile())).containsExactly(0, 2);
                assertThat(HostPanels.read(out.get(0), cells(p))).isEqualTo(values);
                second.device().makeCurrent();
                HostRegistry again = new HostRegistry();
                again.register(spare);  // the driver refuses memory that is still registered (CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED)
                assertThat(again.size()).isEqualTo(1);
                assertThat(again.unregisterAll()).isNull();
            }
        }
    }

    private static int cells(Panel p) { return p.seriesCount() * p.barCount(); }

    /** Double outputs within 1e-12 of compute's (the same kernels: in practice the same bits), float outputs exactly compute's. */
    private static void assertEqualToCompute(Panel p, IndicatorValues ref, List<Buffer> out, Precision precision) {
        double[][] got = new double[out.size()][];
        for (int c = 0; c < got.length; c++) {
            assertThat(out.get(c)).isInstanceOf(precision == Precision.FLOAT ? FloatBuffer.class : DoubleBuffer.class);
            got[c] = HostPanels.read(out.get(c), cells(p));
        }
        if (precision == Precision.FLOAT) {
            for (int c = 0; c < got.length; c++) assertThat(got[c]).as(ref.columns().get(c)).isEqualTo(ref.data(c));
        } else {
            IndicatorValues values = IndicatorValues.of(p, ref.columns(), got);
            for (int c = 0; c < got.length; c++) {
                assertThat(columnDifference(c, ref, values)).as(ref.columns().get(c)).isNull();
            }
        }
    }

    private static String columnDifference(int c, IndicatorValues ref, IndicatorValues got) {
        double[] a = got.data(c), e = ref.data(c);
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) != Double.isNaN(a[i])) return "at " + i + ": " + a[i] + " but compute " + e[i];
            if (!Double.isNaN(e[i]) && Math.abs(a[i] - e[i]) > 1e-12 * Math.max(1, Math.abs(e[i]))) {
                return "at " + i + ": " + a[i] + " but compute " + e[i];
            }
        }
        return null;
    }

    /** "{@code N of M host buffers transferred directly}" from the backend's profile. */
    private static List<Integer> directBuffers(String profile) {
        Matcher m = Pattern.compile("(\\d+) of (\\d+) host buffers transferred directly").matcher(profile);
        assertThat(m.find()).as(profile).isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Free device memory in bytes, with {@code device}'s context current. */
    private static long free(org.hybridta.cuda.driver.CudaDevice device) {
        device.makeCurrent();
        return device.memInfo()[0];
    }
}
