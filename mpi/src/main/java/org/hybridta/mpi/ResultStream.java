package org.hybridta.mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.SymbolStatus;
import org.hybridta.parallel.PartResult;
import org.hybridta.source.FailureKind;

/**
 * A part's result on its way to rank 0, as a stream of pieces: a small directory (statuses, symbols, lengths,
 * columns), then the arrays themselves, copied straight from the sender's arrays into a direct buffer and from
 * the receiver's buffer straight into new arrays, in the machine's byte order. No array of the whole result is
 * ever built (a 5,000-symbol run gathers gigabytes), and there is no size limit but the arrays' own.
 *
 * <p>The sender announces the stream's length first ({@link #length()}), so that a receiver that cannot decode it
 * still takes every piece and never leaves the sender blocked.
 */
final class ResultStream {
    private static final int MAGIC = 0x48544152;   // "HTAR", written in the sender's byte order
    private static final Field[] FIELDS = {Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.ADJ_CLOSE, Field.VOLUME};

    private final PartResult result;
    private final byte[] directory;
    private final long length;

    private ResultStream(PartResult result, byte[] directory, long length) {
        this.result = result;
        this.directory = directory;
        this.length = length;
    }

    /** Lays out {@code result}: the directory now, the arrays when {@link #writeTo written}. */
    static ResultStream of(PartResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 48 * result.statuses().size());
        long bulk = 0;
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(result.part());
            Parts.writeString(out, result.worker());
            Parts.writeString(out, result.backend());
            out.writeLong(result.fetchNanos());
            out.writeLong(result.computeNanos());
            out.writeInt(result.statuses().size());
            for (SymbolStatus s : result.statuses()) {
                Parts.writeString(out, s.symbol());
                out.writeInt(s.bars());
                out.writeInt(s.warmup());
                out.writeInt(s.failure().map(Enum::ordinal).orElse(-1));
                Parts.writeString(out, s.reason());
            }
            out.writeInt(result.series().size());
            for (BarSeries s : result.series()) {
                Parts.writeString(out, s.symbol());
                out.writeInt(s.size());
                bulk += (long) s.size() * (Integer.BYTES + FIELDS.length * Double.BYTES);
            }
            IndicatorValues values = result.values();
            if (values != null) {
                out.writeInt(values.columns().size());
                for (String c : values.columns()) Parts.writeString(out, c);
                out.writeInt(values.barCount());
                bulk += (long) values.columns().size() * values.seriesCount() * values.barCount() * Double.BYTES;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        byte[] directory = bytes.toByteArray();
        return new ResultStream(result, directory, 2L * Integer.BYTES + directory.length + bulk);
    }

    /** The bytes {@link #writeTo} writes. */
    long length() {
        return length;
    }

    /** Writes the stream: magic, directory, then every series' dates, their fields, and the value columns. */
    void writeTo(PieceWriter out) {
        out.writeInt(MAGIC);
        out.writeInt(directory.length);
        out.writeBytes(directory);
        for (BarSeries s : result.series()) out.writeInts(s.epochDays());
        for (BarSeries s : result.series()) for (Field f : FIELDS) out.writeDoubles(s.values(f));
        IndicatorValues values = result.values();
        if (values != null) for (int c = 0; c < values.columns().size(); c++) out.writeDoubles(values.data(c));
        out.finish();
    }

    /** Reads what {@link #writeTo} wrote. */
    static PartResult read(PieceReader in) {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException(magic == Integer.reverseBytes(MAGIC)
                    ? "the sending rank's byte order differs from rank 0's; run all ranks on machines of one byte order"
                    : "not a HybridTA result stream");
        }
        byte[] directory = new byte[in.readInt()];
        in.readBytes(directory);
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(directory))) {
            int part = d.readInt();
            String worker = Parts.readString(d);
            String backend = Parts.readString(d);
            long fetch = d.readLong();
            long compute = d.readLong();
            int nStatus = d.readInt();
            List<SymbolStatus> statuses = new ArrayList<>(nStatus);
            FailureKind[] kinds = FailureKind.values();
            for (int i = 0; i < nStatus; i++) {
                String symbol = Parts.readString(d);
                int bars = d.readInt();
                int warmup = d.readInt();
                int kind = d.readInt();
                String reason = Parts.readString(d);
                statuses.add(kind < 0 ? SymbolStatus.ok(symbol, bars, warmup) : SymbolStatus.failed(symbol, kinds[kind], reason));
            }
            int nSeries = d.readInt();
            String[] symbols = new String[nSeries];
            int[] lengths = new int[nSeries];
            for (int i = 0; i < nSeries; i++) {
                symbols[i] = Parts.readString(d);
                lengths[i] = d.readInt();
            }
            List<String> columns = new ArrayList<>();
            int barCount = 0;
            if (nSeries > 0) {
                int nCols = d.readInt();
                for (int c = 0; c < nCols; c++) columns.add(Parts.readString(d));
                barCount = d.readInt();
            }
            int[][] days = new int[nSeries][];
            for (int i = 0; i < nSeries; i++) in.readInts(days[i] = new int[lengths[i]]);
            List<BarSeries> series = new ArrayList<>(nSeries);
            for (int i = 0; i < nSeries; i++) {
                double[][] f = new double[FIELDS.length][];
                for (int k = 0; k < f.length; k++) in.readDoubles(f[k] = new double[lengths[i]]);
                series.add(BarSeries.of(symbols[i], days[i], f[0], f[1], f[2], f[3], f[4], f[5]));
            }
            IndicatorValues values = null;
            if (nSeries > 0) {
                double[][] data = new double[columns.size()][];
                for (int c = 0; c < data.length; c++) in.readDoubles(data[c] = new double[Math.multiplyExact(nSeries, barCount)]);
                values = IndicatorValues.of(Panel.builder(nSeries, barCount).symbols(symbols).lengths(lengths).build(), columns, data);
            }
            return new PartResult(part, worker, series, values, statuses, fetch, compute, backend);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt result directory: " + e.getMessage(), e);
        }
    }


    /** Where pieces go: one send of the first {@code length} bytes of {@code piece}, which stays untouched until awaited. */
    interface Outbox {
        Awaitable post(ByteBuffer piece, int length);
    }

    /** Where pieces come from: fills {@code piece} from its start and returns the bytes received. */
    interface Inbox {
        int take(ByteBuffer piece);
    }

    /** A piece on its way. */
    interface Awaitable {
        void await();
    }

    /**
     * Writes a stream in pieces of at most {@code pieceBytes}, through two direct buffers: one is filled while the
     * other is being sent. A number never straddles two pieces (the piece is sent a little short instead); an array
     * continues in the next piece.
     */
    static final class PieceWriter {
        private final Outbox out;
        private ByteBuffer current, spare;
        private Awaitable inFlight;

        PieceWriter(Outbox out, int pieceBytes) {
            this.out = out;
            int size = Math.max(Long.BYTES, pieceBytes);
            this.current = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
            this.spare = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        }

        void writeInt(int v) {
            if (current.remaining() < Integer.BYTES) flush();
            current.putInt(v);
        }

        void writeBytes(byte[] b) {
            for (int off = 0; off < b.length; ) {
                if (!current.hasRemaining()) flush();
                int n = Math.min(current.remaining(), b.length - off);
                current.put(b, off, n);
                off += n;
            }
        }

        void writeInts(int[] a) {
            for (int off = 0; off < a.length; ) {
                int n = Math.min(a.length - off, current.remaining() / Integer.BYTES);
                if (n == 0) {
                    flush();
                    continue;
                }
                current.asIntBuffer().put(a, off, n);
                current.position(current.position() + n * Integer.BYTES);
                off += n;
            }
        }

        void writeDoubles(double[] a) {
            for (int off = 0; off < a.length; ) {
                int n = Math.min(a.length - off, current.remaining() / Double.BYTES);
                if (n == 0) {
                    flush();
                    continue;
                }
                current.asDoubleBuffer().put(a, off, n);
                current.position(current.position() + n * Double.BYTES);
                off += n;
            }
        }

        /** Sends the last piece and waits until every piece is gone. */
        void finish() {
            flush();
            if (inFlight != null) inFlight.await();
            inFlight = null;
        }

        private void flush() {
            if (current.position() == 0) return;
            Awaitable sent = out.post(current, current.position());
            if (inFlight != null) inFlight.await();   // the spare buffer's send is complete: it may be filled again
            inFlight = sent;
            ByteBuffer filled = current;
            current = spare;
            spare = filled;
            current.clear();
        }
    }

    /** Reads a stream of {@code length} bytes written by {@link PieceWriter}, mirroring its piece boundaries. */
    static final class PieceReader {
        private final Inbox in;
        private final ByteBuffer piece;
        private final long length;
        private long received;

        PieceReader(Inbox in, int pieceBytes, long length) {
            this.in = in;
            this.piece = ByteBuffer.allocateDirect(Math.max(Long.BYTES, pieceBytes)).order(ByteOrder.nativeOrder());
            this.piece.limit(0);
            this.length = length;
        }

        int readInt() {
            need(Integer.BYTES);
            return piece.getInt();
        }

        void readBytes(byte[] b) {
            for (int off = 0; off < b.length; ) {
                need(1);
                int n = Math.min(piece.remaining(), b.length - off);
                piece.get(b, off, n);
                off += n;
            }
        }

        void readInts(int[] a) {
            for (int off = 0; off < a.length; ) {
                need(Integer.BYTES);
                int n = Math.min(a.length - off, piece.remaining() / Integer.BYTES);
                piece.asIntBuffer().get(a, off, n);
                piece.position(piece.position() + n * Integer.BYTES);
                off += n;
            }
        }

        void readDoubles(double[] a) {
            for (int off = 0; off < a.length; ) {
                need(Double.BYTES);
                int n = Math.min(a.length - off, piece.remaining() / Double.BYTES);
                piece.asDoubleBuffer().get(a, off, n);
                piece.position(piece.position() + n * Double.BYTES);
                off += n;
            }
        }

        /** Takes the pieces not read yet, so that the sender finishes; after a failure to decode, or to check the end. */
        void drain() {
            while (received < length) next();
        }

        /** Whether every byte of the stream was read. */
        boolean atEnd() {
            return received == length && !piece.hasRemaining();
        }

        private void need(int bytes) {
            if (!piece.hasRemaining()) next();
            if (piece.remaining() < bytes) throw new IllegalArgumentException("corrupt result stream: a number split between pieces");
        }

        private void next() {
            if (received >= length) throw new IllegalArgumentException("corrupt result stream: longer than the " + length + " bytes announced");
            piece.clear();
            int n = in.take(piece);
            if (n <= 0) throw new IllegalArgumentException("corrupt result stream: an empty piece");
            piece.position(0).limit(n);
            received += n;
        }
    }
}
