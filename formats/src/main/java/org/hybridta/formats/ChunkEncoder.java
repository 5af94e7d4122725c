package org.hybridta.formats;

import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * Encodes one column of a {@link RowGroup} into compressed Parquet data pages (format v1, as parquet-java's
 * own default writer produces them, which every reader accepts): definition levels RLE-encoded for the
 * nullable columns, values PLAIN (dates, integers, floats) or dictionary indices (symbols, with the
 * dictionary page), per-page min/max/null-count statistics, zstd over each page.
 *
 * <p>Why not parquet-java's {@code ColumnWriter}: it takes one value per call through its record layer and
 * updates statistics per value through a generic comparator, about 20 times slower than these loops over
 * whole arrays (docs/architecture.md has the numbers). The page and file layout, the levels' RLE encoder,
 * statistics and the footer remain parquet-java's; this class only lays out values it already has in arrays.
 */
final class ChunkEncoder {
    /** Rows per data page: 512 KiB of doubles, the granularity of the page index readers may use to skip. */
    static final int PAGE_ROWS = 1 << 16;

    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** A compressed data page and what its header says. */
    record Page(BytesInput bytes, int uncompressedSize, int rows, Statistics<?> statistics, Encoding definitionLevels, Encoding values) {}

    /** A column chunk ready to be written: an optional dictionary page, then the data pages. */
    record Chunk(ColumnDescriptor descriptor, DictionaryPage dictionary, List<Page> pages, long rows) {}

    private ChunkEncoder() {}

    static Chunk encode(RowGroup group, int column, ColumnDescriptor descriptor, int level) throws IOException {
        try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
            zstd.setLevel(level);
            ColumnType type = group.schema.column(column).type();
            DictionaryPage dictionary = type == ColumnType.SYMBOL ? dictionaryPage(group.dictionaries.get(column), zstd) : null;
            List<Page> pages = new ArrayList<>();
            for (int from = 0; from < group.rows; from += PAGE_ROWS) {
                int n = Math.min(PAGE_ROWS, group.rows - from);
                Statistics<?> stats = Statistics.createStats(descriptor.getPrimitiveType());
                Page page = switch (type) {
                    case DATE -> plainInts(group.ints[column], null, from, n, stats, zstd);
                    case INT32 -> plainInts(group.ints[column], group.nulls[column], from, n, stats, zstd);
                    case FLOAT64 -> plainDoubles(group.doubles[column], from, n, stats, zstd);
                    case SYMBOL -> dictionaryIndices(group, column, from, n, stats, zstd);
                };
                pages.add(page);
            }
            return new Chunk(descriptor, dictionary, pages, group.rows);
        }
    }

    private static Page plainDoubles(double[] v, int from, int n, Statistics<?> stats, ZstdCompressCtx zstd) throws IOException {
        Runs levels = new Runs(1);
        int present = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            double x = v[i];
            if (x == x) {
                levels.add(1);
                present++;
                min = Math.min(min, x);
                max = Math.max(max, x);
            } else {
                levels.add(0);
            }
        }
        byte[] head = levels.toBytes(true);
        byte[] page = new byte[head.length + 8 * present];
        System.arraycopy(head, 0, page, 0, head.length);
        int pos = head.length;
        for (int i = from; i < from + n; i++) {
            double x = v[i];
            if (x == x) {
                DOUBLE.set(page, pos, x);
                pos += 8;
            }
        }
        if (present > 0) {
            // Parquet's rule for zeros: a minimum of zero is written as -0.0, a maximum as +0.0
            stats.updateStats(min == 0 ? -0.0 : min);
            stats.updateStats(max == 0 ? 0.0 : max);
        }
        stats.incrementNumNulls(n - present);
        return page(page, n, stats, Encoding.RLE, Encoding.PLAIN, zstd);
    }

    /** Dates (never null: {@code nulls} is null) and INT32 values. */
    private static Page plainInts(int[] v, boolean[] nulls, int from, int n, Statistics<?> stats, ZstdCompressCtx zstd) throws IOException {
        byte[] head = new byte[0];
        int present = n;
        if (nulls != null) {
            Runs levels = new Runs(1);
            present = 0;
            for (int i = from; i < from + n; i++) {
                levels.add(nulls[i] ? 0 : 1);
                if (!nulls[i]) present++;
            }
            head = levels.toBytes(true);
        }
        byte[] page = new byte[head.length + 4 * present];
        System.arraycopy(head, 0, page, 0, head.length);
        int pos = head.length;
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = from; i < from + n; i++) {
            if (nulls != null && nulls[i]) continue;
            int x = v[i];
            INT.set(page, pos, x);
            pos += 4;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (present > 0) {
            stats.updateStats(min);
            stats.updateStats(max);
        }
        stats.incrementNumNulls(n - present);
        return page(page, n, stats, nulls != null ? Encoding.RLE : Encoding.BIT_PACKED, Encoding.PLAIN, zstd);
    }

    private static Page dictionaryIndices(RowGroup group, int column, int from, int n, Statistics<?> stats, ZstdCompressCtx zstd)
            throws IOException {
        List<String> dictionary = group.dictionaries.get(column);
        int[] ids = group.ints[column];
        int bitWidth = BytesUtils.getWidthFromMaxInt(dictionary.size() - 1);
        Runs indices = new Runs(bitWidth);
        int previous = -1;
        for (int i = from; i < from + n; i++) {
            int id = ids[i];
            indices.add(id);
            if (id != previous) {                        // runs: one statistics update per symbol change
                stats.updateStats(Binary.fromString(dictionary.get(id)));
                previous = id;
            }
        }
        byte[] runs = indices.toBytes(false);
        byte[] page = new byte[1 + runs.length];          // the indices' bit width, then the runs
        page[0] = (byte) bitWidth;
        System.arraycopy(runs, 0, page, 1, runs.length);
        return page(page, n, stats, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY, zstd);
    }

    private static DictionaryPage dictionaryPage(List<String> dictionary, ZstdCompressCtx zstd) {
        byte[][] utf8 = new byte[dictionary.size()][];
        int size = 0;
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = dictionary.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + utf8[i].length;
        }
        byte[] plain = new byte[size];
        int pos = 0;
        for (byte[] s : utf8) {                            // PLAIN byte arrays: little-endian length, then the bytes
            INT.set(plain, pos, s.length);
            System.arraycopy(s, 0, plain, pos + 4, s.length);
            pos += 4 + s.length;
        }
        return new DictionaryPage(BytesInput.from(zstd.compress(plain)), plain.length, utf8.length, Encoding.PLAIN_DICTIONARY);
    }

    /**
     * Parquet's RLE/bit-packing hybrid encoding written as RLE runs only, which the format allows for any
     * data: each run is {@code varint(length << 1)} and the value in {@code ceil(bitWidth / 8)} little-endian
     * bytes. Definition levels and dictionary indices come in long runs here (a symbol's rows, an
     * indicator's warm-up), so this is as small as the hybrid and costs one comparison per value, where
     * parquet-java's encoder buffers every value for a possible bit-packed group.
     */
    static final class Runs {
        private final int valueBytes;
        private byte[] bytes = new byte[32];
        private int size;
        private int value;
        private int length;

        Runs(int bitWidth) {
            this.valueBytes = (bitWidth + 7) / 8;
        }

        void add(int v) {
            if (v == value && length > 0) {
                length++;
                return;
            }
            flush();
            value = v;
            length = 1;
        }

        /** The runs, after a 4-byte little-endian length when {@code withLength} (definition levels in a v1 page). */
        byte[] toBytes(boolean withLength) {
            flush();
            int start = withLength ? 4 : 0;
            byte[] out = new byte[start + size];
            if (withLength) INT.set(out, 0, size);
            System.arraycopy(bytes, 0, out, start, size);
            return out;
        }

        private void flush() {
            if (length == 0) return;
            if (size + 5 + valueBytes > bytes.length) bytes = java.util.Arrays.copyOf(bytes, 2 * bytes.length + 5 + valueBytes);
            for (int header = length << 1; ; header >>>= 7) {           // unsigned LEB128 varint
                if ((header & ~0x7F) == 0) {
                    bytes[size++] = (byte) header;
                    break;
                }
                bytes[size++] = (byte) ((header & 0x7F) | 0x80);
            }
            for (int b = 0; b < valueBytes; b++) bytes[size++] = (byte) (value >>> (8 * b));
            length = 0;
        }
    }

    private static Page page(byte[] raw, int rows, Statistics<?> stats, Encoding definitionLevels, Encoding values, ZstdCompressCtx zstd) {
        return new Page(BytesInput.from(zstd.compress(raw)), raw.length, rows, stats, definitionLevels, values);
    }
}
