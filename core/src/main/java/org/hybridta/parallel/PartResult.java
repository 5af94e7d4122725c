package org.hybridta.parallel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.SymbolStatus;
import org.hybridta.source.FailureKind;

/**
 * What one part of a pipeline run produced: the bars it fetched, their indicator values, a status for
 * every member, and how long its stages took. Parts travel between processes as bytes
 * ({@link #toBytes()}, {@link #fromBytes(byte[])}), so that an MPI partitioner needs no knowledge of them.
 *
 * @param part         index of the part in the plan
 * @param worker       who ran it, for summaries (e.g. {@code rank 3@node1})
 * @param series       the fetched series, in member order (failed members absent)
 * @param values       their indicator values, series in the same order; {@code null} when {@code series} is empty
 * @param statuses     one status per member, in member order
 * @param fetchNanos   wall time of the fetch stage
 * @param computeNanos wall time of the compute stage (lease wait included)
 * @param backend      description of the backend that computed, or {@code ""} when nothing was computed
 */
public record PartResult(int part, String worker, List<BarSeries> series, IndicatorValues values,
                         List<SymbolStatus> statuses, long fetchNanos, long computeNanos, String backend) {
    private static final int MAGIC = 0x48544150; // "HTAP"

    public PartResult {
        Objects.requireNonNull(worker, "worker");
        series = List.copyOf(series);
        statuses = List.copyOf(statuses);
        Objects.requireNonNull(backend, "backend");
        if (values == null && !series.isEmpty()) throw new IllegalArgumentException("values missing for " + series.size() + " series");
        if (values != null && values.seriesCount() != series.size()) {
            throw new IllegalArgumentException(values.seriesCount() + " rows of values for " + series.size() + " series");
        }
    }

    /** Serializes the part (big-endian, self-describing enough to reject foreign bytes). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimateSize());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(part);
            out.writeUTF(worker);
            out.writeUTF(backend);
            out.writeLong(fetchNanos);
            out.writeLong(computeNanos);
            out.writeInt(statuses.size());
            for (SymbolStatus s : statuses) {
                out.writeUTF(s.symbol());
                out.writeInt(s.bars());
                out.writeInt(s.failure().map(Enum::ordinal).orElse(-1));
                out.writeUTF(s.reason());
            }
            out.writeInt(series.size());
            for (BarSeries s : series) {
                out.writeUTF(s.symbol());
                out.writeInt(s.size());
                for (int i = 0; i < s.size(); i++) out.writeInt(s.epochDay(i));
                for (Field f : Field.values()) writeDoubles(out, s.values(f));
            }
            if (values != null) {
                out.writeInt(values.columns().size());
                for (String c : values.columns()) out.writeUTF(c);
                out.writeInt(values.barCount());
                for (int c = 0; c < values.columns().size(); c++) writeDoubles(out, values.data(c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #toBytes()} wrote. */
    public static PartResult fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a serialized PartResult");
            int part = in.readInt();
            String worker = in.readUTF();
            String backend = in.readUTF();
            long fetch = in.readLong();
            long compute = in.readLong();
            int nStatus = in.readInt();
            List<SymbolStatus> statuses = new ArrayList<>(nStatus);
            FailureKind[] kinds = FailureKind.values();
            for (int i = 0; i < nStatus; i++) {
                String symbol = in.readUTF();
                int bars = in.readInt();
                int kind = in.readInt();
                String reason = in.readUTF();
                statuses.add(kind < 0 ? SymbolStatus.ok(symbol, bars) : SymbolStatus.failed(symbol, kinds[kind], reason));
            }
            int nSeries = in.readInt();
            List<BarSeries> series = new ArrayList<>(nSeries);
            for (int i = 0; i < nSeries; i++) {
                String symbol = in.readUTF();
                int n = in.readInt();
                int[] days = new int[n];
                for (int t = 0; t < n; t++) days[t] = in.readInt();
                double[][] f = new double[Field.values().length][];
                for (int k = 0; k < f.length; k++) f[k] = readDoubles(in);
                series.add(BarSeries.of(symbol, days, f[Field.OPEN.ordinal()], f[Field.HIGH.ordinal()], f[Field.LOW.ordinal()],
                        f[Field.CLOSE.ordinal()], f[Field.ADJ_CLOSE.ordinal()], f[Field.VOLUME.ordinal()]));
            }
            IndicatorValues values = null;
            if (nSeries > 0) {
                int nCols = in.readInt();
                List<String> cols = new ArrayList<>(nCols);
                for (int c = 0; c < nCols; c++) cols.add(in.readUTF());
                int barCount = in.readInt();
                double[][] d = new double[nCols][];
                for (int c = 0; c < nCols; c++) d[c] = readDoubles(in);
                values = IndicatorValues.of(shape(series, barCount), cols, d);
            }
            return new PartResult(part, worker, series, values, statuses, fetch, compute, backend);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt PartResult: " + e.getMessage(), e);
        }
    }

    /** A panel with the symbols and lengths of {@code series} and no fields: the shape of their values. */
    private static Panel shape(List<BarSeries> series, int barCount) {
        String[] symbols = new String[series.size()];
        int[] lengths = new int[series.size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = series.get(i).symbol();
            lengths[i] = series.get(i).size();
        }
        return Panel.builder(symbols.length, barCount).symbols(symbols).lengths(lengths).build();
    }

    private int estimateSize() {
        long bars = 0;
        for (BarSeries s : series) bars += s.size();
        long cells = values == null ? 0 : (long) values.columns().size() * values.seriesCount() * values.barCount();
        return (int) Math.min(Integer.MAX_VALUE - 16, 1024 + statuses.size() * 64L + bars * 52 + cells * 8);
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        ByteBuffer buf = ByteBuffer.allocate(8 * Math.min(v.length, 1 << 16));
        for (int from = 0; from < v.length; from += 1 << 16) {
            int n = Math.min(1 << 16, v.length - from);
            buf.clear();
            buf.asDoubleBuffer().put(v, from, n);
            out.write(buf.array(), 0, 8 * n);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        double[] v = new double[n];
        byte[] chunk = new byte[8 * Math.min(n, 1 << 16)];
        for (int from = 0; from < n; from += 1 << 16) {
            int k = Math.min(1 << 16, n - from);
            in.readFully(chunk, 0, 8 * k);
            ByteBuffer.wrap(chunk, 0, 8 * k).asDoubleBuffer().get(v, from, k);
        }
        return v;
    }
}
