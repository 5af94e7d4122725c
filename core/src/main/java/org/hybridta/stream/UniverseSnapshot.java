package org.hybridta.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.hybridta.indicator.Indicator;
import org.hybridta.io.AtomicFiles;

/**
 * The state of a {@link UniverseStream} at one moment, as bytes that survive a restart: a stream of the same backend,
 * symbols and indicators restored from it ({@link UniverseStream#restore}) continues with the values the original
 * would have given. The state itself is the backend's own (the CPU's: an {@link IndicatorStream} snapshot per
 * symbol; a GPU's: its device memory), so a snapshot goes back into the backend that wrote it. Immutable.
 *
 * <p>The bytes ({@link #bytes()}, read back by {@link #of}) hold a magic number, the format version, the backend and
 * its state's format, the symbols, the specs, the ticks consumed and the state, then a CRC-32 of all of it: a corrupt,
 * truncated or foreign snapshot, or one another backend or version wrote, is refused with an error saying which.
 */
public final class UniverseSnapshot {
    /** The format version this HybridTA writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x48545553;   // "HTUS"

    private final byte[] bytes;
    private final String backend, format;
    private final List<String> symbols, specs;
    private final long ticks;
    private final int stateAt, stateLength;

    private UniverseSnapshot(byte[] bytes, String backend, String format, List<String> symbols, List<String> specs, long ticks, int stateAt, int stateLength) {
        this.bytes = bytes;
        this.backend = backend;
        this.format = format;
        this.symbols = symbols;
        this.specs = specs;
        this.ticks = ticks;
        this.stateAt = stateAt;
        this.stateLength = stateLength;
    }

    /**
     * A snapshot of a universe stream (for implementations of {@link UniverseStream#snapshot}).
     *
     * @param backend the stream's backend
     * @param format  what the state's layout depends on (a version of the backend's kernels): restoring checks it
     * @param state   the backend's state, in its own layout
     */
    public static UniverseSnapshot of(String backend, String format, List<String> symbols, List<Indicator> indicators, long ticks, byte[] state) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(state.length + 64 * symbols.size() + 1024);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            text(out, backend);
            text(out, format);
            out.writeInt(symbols.size());
            for (String s : symbols) text(out, s);
            out.writeInt(indicators.size());
            for (Indicator i : indicators) text(out, i.spec());
            out.writeLong(ticks);
            out.writeInt(state.length);
            out.write(state);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeInt((int) crc.getValue());
            return read(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);     // a byte array does not fail
        }
    }

    /**
     * Reads a snapshot from its bytes (copied).
     *
     * @throws IllegalArgumentException if they are not a universe snapshot of this format version, or are corrupt
     */
    public static UniverseSnapshot of(byte[] bytes) {
        return read(bytes.clone());
    }

    private static UniverseSnapshot read(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        try {
            if (b.length < 8 || in.getInt() != MAGIC) throw new IllegalArgumentException("not a HybridTA universe snapshot (no HTUS header)");
            int version = in.getInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("universe snapshot format version " + version + " is not supported (this HybridTA reads version " + FORMAT_VERSION + ")");
            }
            CRC32 crc = new CRC32();
            crc.update(b, 0, b.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(b, b.length - 4, 4).getInt()) {
                throw new IllegalArgumentException("universe snapshot is corrupt (checksum mismatch over " + b.length + " bytes)");
            }
            String backend = text(in), format = text(in);
            List<String> symbols = texts(in), specs = texts(in);
            long ticks = in.getLong();
            int length = length(in);
            int at = in.position();
            in.position(at + length);
            if (in.remaining() != 4) throw new IllegalArgumentException("universe snapshot is corrupt (" + (in.remaining() - 4) + " bytes too many)");
            return new UniverseSnapshot(b, backend, format, symbols, specs, ticks, at, length);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("universe snapshot is corrupt (it ends early, after " + b.length + " bytes)");
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(t.length);
        out.write(t);
    }

    private static int length(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IllegalArgumentException("universe snapshot is corrupt (a length of " + n + ")");
        return n;
    }

    private static String text(ByteBuffer in) {
        byte[] t = new byte[length(in)];
        in.get(t);
        return new String(t, StandardCharsets.UTF_8);
    }

    private static List<String> texts(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / 4) throw new IllegalArgumentException("universe snapshot is corrupt (a count of " + n + ")");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(text(in));
        return List.copyOf(out);
    }

    /**
     * Throws {@link IllegalArgumentException}, saying what differs, unless this snapshot is of a stream with this
     * backend, state format, symbols and indicators (for implementations of {@link UniverseStream#restore}).
     */
    public void checkFits(String backend, String format, List<String> symbols, List<Indicator> indicators) {
        List<String> ours = indicators.stream().map(Indicator::spec).toList();
        if (!this.backend.equals(backend)) throw new IllegalArgumentException("the snapshot is of a " + this.backend + " universe stream, this one is " + backend);
        if (!this.format.equals(format)) {
            throw new IllegalArgumentException("the snapshot's state was written by another version of the " + backend + " universe stream (" + this.format + ", this one " + format + ")");
        }
        if (!this.symbols.equals(symbols)) throw new IllegalArgumentException("the snapshot is of " + this.symbols.size() + " other symbols (or another order) than this stream's " + symbols.size());
        if (!specs.equals(ours)) throw new IllegalArgumentException("the snapshot is of " + specs + ", this stream of " + ours);
    }

    /** Writes the snapshot to a file, whole or not at all ({@link AtomicFiles}). The directory must exist. */
    public void writeTo(Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a snapshot written by {@link #writeTo}.
     *
     * @throws IllegalArgumentException naming the file, if it is not a snapshot this HybridTA reads, or is corrupt
     * @throws IOException              if it cannot be read
     */
    public static UniverseSnapshot read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return read(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes, to store (a copy). */
    public byte[] bytes() { return bytes.clone(); }

    /** The backend that wrote it ({@code cpu}, {@code cuda}). */
    public String backend() { return backend; }

    /** The symbols, in the stream's order. */
    public List<String> symbols() { return symbols; }

    /** The specs of the stream, in its order. */
    public List<String> specs() { return specs; }

    /** How many ticks the stream had consumed. */
    public long ticks() { return ticks; }

    /** The backend's state (a copy). */
    public byte[] state() {
        byte[] s = new byte[stateLength];
        System.arraycopy(bytes, stateAt, s, 0, stateLength);
        return s;
    }

    @Override public String toString() {
        return "UniverseSnapshot(" + backend + ", " + symbols.size() + " symbols × " + specs + " after " + ticks + " ticks, " + bytes.length + " bytes)";
    }
}
