package org.hybridta.cuda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.backend.Availability;
import org.hybridta.stream.UniverseSpec;
import org.hybridta.stream.UniverseStream;
import org.hybridta.stream.UniverseStreamProvider;

/**
 * stream.cu's kernels compiled for the CPU ({@code cuda/emu/stream_emu.cpp}, built here with g++) as a
 * {@link StreamDevice}: a process that keeps the state and rings between commands, fed through a pipe. Lets the
 * whole GPU universe stream — {@link CudaUniverseStream}, the table, the layouts, the kernels — run bit for bit on a
 * machine without a GPU; its {@link Provider} ({@code cuda-emulated}, test class path only) opens such streams.
 */
final class EmulatedStreamDevice implements StreamDevice {
    private static Path binary;
    private static String unavailable;

    /** The emulated universe stream, {@code cuda-emulated}: chosen only by name (priority below the CPU's). */
    public static final class Provider implements UniverseStreamProvider {
        @Override public String name() { return "cuda-emulated"; }

        @Override public int priority() { return -100; }

        @Override public Availability availability() {
            String why = EmulatedStreamDevice.unavailable();
            return why == null ? Availability.yes("stream.cu on the CPU") : Availability.no(why);
        }

        @Override public boolean supports(List<org.hybridta.indicator.Indicator> indicators) {
            return StreamKernel.unsupported(indicators).isEmpty();
        }

        @Override public UniverseStream open(UniverseSpec spec) {
            CudaUniverseStream.requireSupported(name(), spec.indicators());
            return new CudaUniverseStream(name(), CudaUniverseStreamProvider.format(), spec, new EmulatedStreamDevice());
        }
    }

    /** Null if the emulator can be built here, else why not. */
    static synchronized String unavailable() {
        if (binary != null || unavailable != null) return unavailable;
        Path dir = null;
        for (Path p : List.of(Path.of("emu"), Path.of("cuda/emu"))) if (Files.isRegularFile(p.resolve("stream_emu.cpp"))) dir = p;
        if (dir == null) return unavailable = "cuda/emu/stream_emu.cpp is not in this working directory";
        try {
            Path out = JvmScopedFolder.create("hybridta-stream-emu").resolve("stream_emu");   // the JVM's tests share it
            Process p = new ProcessBuilder("g++", "-std=c++20", "-O2", "-ffp-contract=off", "-include", "emu.h", "-o", out.toString(), "stream_emu.cpp")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) return unavailable = "g++ could not build cuda/emu/stream_emu.cpp: " + log;
            binary = out;
            return null;
        } catch (IOException e) {
            return unavailable = "no g++ to build cuda/emu/stream_emu.cpp (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable = "interrupted";
        }
    }

    private final Process process;
    private final OutputStream to;
    private final DataInputStream from;
    private DoubleBuffer input, output;
    private int n, fields, outputs;
    private long stateBytes, ringBytes;
    private boolean closed;

    EmulatedStreamDevice() {
        String why = unavailable();
        if (why != null) throw new IllegalStateException(why);
        try {
            process = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        to = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        from = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder());
    }

    private void send(ByteBuffer b) {
        try {
            to.write(b.array(), 0, b.position());
        } catch (IOException e) {
            throw new UncheckedIOException("stream_emu: " + e.getMessage(), e);
        }
    }

    private void flush() {
        try {
            to.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("stream_emu: " + e.getMessage(), e);
        }
    }

    private ByteBuffer receive(long bytes) {
        ByteBuffer b = buffer(bytes);
        try {
            from.readFully(b.array());
        } catch (IOException e) {
            throw new UncheckedIOException("stream_emu ended early: " + e.getMessage(), e);
        }
        return b;
    }

    private static ByteBuffer table(ByteBuffer b, int[] table, double[] dparams) {
        for (int v : table) b.putInt(v);
        for (double v : dparams) b.putDouble(v);
        return b;
    }

    @Override public int[] layout(int[] table, double[] dparams, int specs) {
        ByteBuffer b = buffer(8 + 4L * table.length + 8L * dparams.length);
        b.putInt(1).putInt(specs);
        send(table(b, table, dparams));
        flush();
        int[] out = new int[4 * specs];
        receive(16L * specs).asIntBuffer().get(out);
        return out;
    }

    @Override public void open(int n, int specs, int fields, int closeSlot, int outputs, long stateWords, long ringDoubles, int[] table, double[] dparams,
                               int maxBars) {
        this.n = n;
        this.fields = fields;
        this.outputs = outputs;
        stateBytes = 8 * stateWords * n;
        ringBytes = 8 * ringDoubles * n;
        ByteBuffer b = buffer(40 + 4L * table.length + 8L * dparams.length);
        b.putInt(2).putInt(n).putInt(specs).putInt(fields).putInt(closeSlot).putInt(outputs).putLong(stateWords).putLong(ringDoubles);
        send(table(b, table, dparams));
        flush();
        input = DoubleBuffer.allocate(Math.toIntExact((long) maxBars * fields * n));
        output = DoubleBuffer.allocate(outputs * n);
    }

    @Override public DoubleBuffer input() { return input; }

    @Override public DoubleBuffer output() { return output; }

    @Override public void step(int bars, boolean commit, boolean outputs) {
        int count = bars * fields * n;
        ByteBuffer b = buffer(16 + 8L * count);
        b.putInt(3).putInt(bars).putInt(commit ? 1 : 0).putInt(outputs ? 1 : 0);
        b.asDoubleBuffer().put(input.array(), 0, count);
        b.position(b.capacity());
        send(b);
        flush();
        if (outputs) receive(8L * this.outputs * n).asDoubleBuffer().get(output.array());
    }

    @Override public byte[] readState() {
        send(buffer(4).putInt(4));
        flush();
        return receive(stateBytes + ringBytes).array();
    }

    @Override public void writeState(byte[] bytes) {
        if (bytes.length != stateBytes + ringBytes) throw new IllegalArgumentException("a state of " + bytes.length + " bytes, the device's is " + (stateBytes + ringBytes));
        send(buffer(4).putInt(5));
        send(ByteBuffer.wrap(bytes).position(bytes.length));
        flush();
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        try {
            send(buffer(4).putInt(0));
            flush();
            to.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
        } catch (IOException | UncheckedIOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
