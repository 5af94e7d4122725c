package org.hybridta.cuda;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import jcuda.Pointer;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.hybridta.cuda.driver.Cuda;
import org.hybridta.cuda.driver.CudaDevice;
import org.hybridta.cuda.driver.DeviceArena.DeviceBuffer;
import org.hybridta.cuda.driver.DeviceArena.HostBuffer;

/**
 * The GPU behind a {@link CudaUniverseStream}: the device's primary context, stream.cu's module, one CUDA stream, the
 * state and rings in device memory for the stream's life, and pinned staging buffers for one tick's inputs (or a
 * chunk of warm-up bars) and outputs, reused tick after tick. A tick is one asynchronous upload, one launch and one
 * download, then one synchronisation.
 */
final class CudaStreamDevice implements StreamDevice {
    private static final int BLOCK = 128;  // stream_step's __launch_bounds__

    private final CudaDevice device;
    private final PtxModule module;
    private final CUstream stream;
    private DeviceBuffer table, dparams, state, rings, in, out;
    private HostBuffer hostIn, hostOut;
    private DoubleBuffer input, output;
    private int n, specs, fields, closeSlot, outputs;
    private long stateBytes, ringBytes;
    private boolean closed;

    CudaStreamDevice(int ordinal) {
        device = CudaDevice.openForLibraries(ordinal);
        PtxModule m = null;
        CUstream s = null;
        try {
            m = new PtxModule(PtxModule.STREAM);
            s = device.newStream();
        } catch (RuntimeException | Error e) {
            if (m != null) m.close();
            device.close();
            throw e;
        }
        module = m;
        stream = s;
    }

    @Override public int[] layout(int[] t, double[] d, int count) {
        device.makeCurrent();
        DeviceBuffer dt = device.arena.allocDevice(4L * t.length, "stream layout table");
        DeviceBuffer dd = device.arena.allocDevice(8L * d.length, "stream layout parameters");
        DeviceBuffer dout = device.arena.allocDevice(16L * count, "stream layout");
        try {
            Cuda.check(JCudaDriver.cuMemcpyHtoD(dt.ptr, Pointer.to(t), 4L * t.length), "cuMemcpyHtoD(stream table)");
            Cuda.check(JCudaDriver.cuMemcpyHtoD(dd.ptr, Pointer.to(d), 8L * d.length), "cuMemcpyHtoD(stream parameters)");
            settle();
            module.launch("stream_layout", (count + 31) / 32, 1, 32, stream, dt.ptr, dd.ptr, count, dout.ptr);
            int[] result = new int[4 * count];
            Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(stream_layout)");
            Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(result), dout.ptr, 16L * count), "cuMemcpyDtoH(stream layout)");
            return result;
        } finally {
            device.arena.free(dt);
            device.arena.free(dd);
            device.arena.free(dout);
        }
    }

    @Override public void open(int n, int specs, int fields, int closeSlot, int outputs, long stateWords, long ringDoubles, int[] t, double[] d,
                               int maxBars) {
        device.makeCurrent();
        this.n = n;
        this.specs = specs;
        this.fields = fields;
        this.closeSlot = closeSlot;
        this.outputs = outputs;
        stateBytes = 8L * stateWords * n;
        ringBytes = 8L * ringDoubles * n;
        long inBytes = 8L * maxBars * fields * n, outBytes = 8L * outputs * n;
        table = device.arena.allocDevice(4L * t.length, "stream table");
        dparams = device.arena.allocDevice(8L * d.length, "stream parameters");
        state = device.arena.allocDevice(stateBytes, "stream states (" + n + " symbols x " + specs + " specs)");
        rings = device.arena.allocDevice(ringBytes, "stream rings");
        in = device.arena.allocDevice(inBytes, "stream inputs");
        out = device.arena.allocDevice(outBytes, "stream outputs");
        hostIn = device.arena.allocHost(inBytes, "stream inputs (pinned)");
        hostOut = device.arena.allocHost(outBytes, "stream outputs (pinned)");
        Cuda.check(JCudaDriver.cuMemcpyHtoD(table.ptr, Pointer.to(t), 4L * t.length), "cuMemcpyHtoD(stream table)");
        Cuda.check(JCudaDriver.cuMemcpyHtoD(dparams.ptr, Pointer.to(d), 8L * d.length), "cuMemcpyHtoD(stream parameters)");
        Cuda.check(JCudaDriver.cuMemsetD8(state.ptr, (byte) 0, Math.max(stateBytes, 1)), "cuMemsetD8(stream states)");
        Cuda.check(JCudaDriver.cuMemsetD8(rings.ptr, (byte) 0, Math.max(ringBytes, 1)), "cuMemsetD8(stream rings)");
        settle();
        input = hostIn.ptr.getByteBuffer(0, inBytes).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        output = hostOut.ptr.getByteBuffer(0, outBytes).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    @Override public DoubleBuffer input() { return input; }

    @Override public DoubleBuffer output() { return output; }

    @Override public void step(int bars, boolean commit, boolean wantOutputs) {
        device.makeCurrent();
        long bytes = 8L * bars * fields * n;
        Cuda.check(JCudaDriver.cuMemcpyHtoDAsync(in.ptr, hostIn.ptr, bytes, stream), "cuMemcpyHtoDAsync(stream inputs, " + bytes + " bytes)");
        module.launch("stream_step", (n + BLOCK - 1) / BLOCK, specs, BLOCK, stream, table.ptr, dparams.ptr, n, state.ptr, rings.ptr, in.ptr, fields,
                closeSlot, bars, out.ptr, (commit ? 1 : 0) | (wantOutputs ? 2 : 0));
        if (wantOutputs) {
            Cuda.check(JCudaDriver.cuMemcpyDtoHAsync(hostOut.ptr, out.ptr, 8L * outputs * n, stream), "cuMemcpyDtoHAsync(stream outputs)");
        }
        Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(stream_step)");
    }

    @Override public byte[] readState() {
        device.makeCurrent();
        byte[] b = new byte[Math.toIntExact(stateBytes + ringBytes)];
        if (stateBytes > 0) Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(b), state.ptr, stateBytes), "cuMemcpyDtoH(stream states)");
        if (ringBytes > 0) Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(b).withByteOffset(stateBytes), rings.ptr, ringBytes), "cuMemcpyDtoH(stream rings)");
        return b;
    }

    @Override public void writeState(byte[] b) {
        if (b.length != stateBytes + ringBytes) throw new IllegalArgumentException("a state of " + b.length + " bytes, the device's is " + (stateBytes + ringBytes));
        device.makeCurrent();
        if (stateBytes > 0) Cuda.check(JCudaDriver.cuMemcpyHtoD(state.ptr, Pointer.to(b), stateBytes), "cuMemcpyHtoD(stream states)");
        if (ringBytes > 0) Cuda.check(JCudaDriver.cuMemcpyHtoD(rings.ptr, Pointer.to(b).withByteOffset(stateBytes), ringBytes), "cuMemcpyHtoD(stream rings)");
        settle();
    }

    /**
     * Waits for the copies and memsets issued on the legacy default stream: the kernels run on a non-blocking stream,
     * which does not wait for them by itself.
     */
    private static void settle() {
        Cuda.check(JCudaDriver.cuCtxSynchronize(), "cuCtxSynchronize");
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        try {
            device.makeCurrent();
            for (DeviceBuffer b : new DeviceBuffer[] {table, dparams, state, rings, in, out}) device.arena.free(b);
            device.arena.free(hostIn);
            device.arena.free(hostOut);
            CudaDevice.destroy(stream);
            module.close();
        } finally {
            device.close();
        }
    }
}
