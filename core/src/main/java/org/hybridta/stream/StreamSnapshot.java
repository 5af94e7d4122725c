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
import org.hybridta.io.AtomicFiles;

/**
 * The state of an {@link IndicatorStream} at one moment, as bytes that survive a restart: a stream restored from it
 * ({@link IndicatorStream#from}, {@link IndicatorStream#restore}) continues with the values the original would have
 * given. Immutable.
 *
 * <p>The bytes ({@link #bytes()}, read back by {@link #of}) hold a magic number, the format version, each spec's text
 * with a hash of its state's structure and the state's values, the number of bars consumed and the last bar's
 * values, then a CRC-32 of all of it: a corrupt, truncated or foreign snapshot, one of another format version, or
 * one whose state another version of HybridTA laid out differently, is refused with an error saying which.
 */
public final class StreamSnapshot {
    /** The format version this HybridTA writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x48545353;   // "HTSS"

    /** One spec's state in a snapshot. */
    record Entry(String spec, long shape, byte[] state) {}

    private final byte[] bytes;
    private final List<Entry> entries;
    private final long bars;
    private final double[] last;

    private StreamSnapshot(byte[] bytes, List<Entry> entries, long bars, double[] last) {
        this.bytes = bytes;
        this.entries = entries;
        this.bars = bars;
        this.last = last;
    }

    /**
     * Reads a snapshot from its bytes (copied).
     *
     * @throws IllegalArgumentException if they are not a snapshot of this format version, or are corrupt
     */
    public static StreamSnapshot of(byte[] bytes) {
        byte[] b = bytes.clone();
        ByteBuffer in = ByteBuffer.wrap(b);
        try {
            if (b.length < 8 || in.getInt() != MAGIC) throw new IllegalArgumentException("not a HybridTA stream snapshot (no HTSS header)");
            int version = in.getInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("stream snapshot format version " + version + " is not supported (this HybridTA reads version " + FORMAT_VERSION + ")");
            }
            CRC32 crc = new CRC32();
            crc.update(b, 0, b.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(b, b.length - 4, 4).getInt()) {
                throw new IllegalArgumentException("stream snapshot is corrupt (checksum mismatch over " + b.length + " bytes)");
            }
            int n = in.getInt();
            if (n < 1 || n > b.length) throw new IllegalArgumentException("stream snapshot is corrupt (" + n + " specs)");
            List<Entry> entries = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                String spec = text(in);
                long shape = in.getLong();
                byte[] state = new byte[length(in)];
                in.get(state);
                entries.add(new Entry(spec, shape, state));
            }
            long bars = in.getLong();
            double[] last = new double[length(in) / 8];
            for (int k = 0; k < last.length; k++) last[k] = Double.longBitsToDouble(in.getLong());
            if (in.remaining() != 4) throw new IllegalArgumentException("stream snapshot is corrupt (" + (in.remaining() - 4) + " bytes too many)");
            return new StreamSnapshot(b, List.copyOf(entries), bars, last);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("stream snapshot is corrupt (it ends early, after " + b.length + " bytes)");
        }
    }

    /** Builds a snapshot's bytes. */
    static StreamSnapshot of(List<Entry> entries, long bars, double[] last) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(entries.size());
            for (Entry e : entries) {
                byte[] spec = e.spec().getBytes(StandardCharsets.UTF_8);
                out.writeInt(spec.length);
                out.write(spec);
                out.writeLong(e.shape());
                out.writeInt(e.state().length);
                out.write(e.state());
            }
            out.writeLong(bars);
            out.writeInt(8 * last.length);
            for (double v : last) out.writeLong(Double.doubleToRawLongBits(v));
            out.flush();
            byte[] body = buffer.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(body);
            out.writeInt((int) crc.getValue());
            return of(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);     // a byte array does not fail
        }
    }

    private static int length(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new IllegalArgumentException("stream snapshot is corrupt (a length of " + n + ")");
        return n;
    }

    private static String text(ByteBuffer in) {
        byte[] t = new byte[length(in)];
        in.get(t);
        return new String(t, StandardCharsets.UTF_8);
    }

    /**
     * Writes the snapshot to a file, whole or not at all ({@link AtomicFiles}: an existing file stays as it was if the
     * write fails). The directory must exist.
     */
    public void writeTo(Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a snapshot written by {@link #writeTo}.
     *
     * @throws IllegalArgumentException naming the file, if it is not a snapshot this HybridTA reads, or is corrupt
     * @throws IOException              if it cannot be read
     */
    public static StreamSnapshot read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return of(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes, to store (a copy). */
    public byte[] bytes() { return bytes.clone(); }

    /** The specs of the stream, in its order ({@code rsi:14}, ...). */
    public List<String> specs() {
        return entries.stream().map(Entry::spec).toList();
    }

    /** How many bars the stream had consumed. */
    public long bars() { return bars; }

    List<Entry> entries() { return entries; }

    double[] last() { return last.clone(); }

    @Override public String toString() {
        return "StreamSnapshot" + specs() + " after " + bars + " bars (" + bytes.length + " bytes)";
    }
}
