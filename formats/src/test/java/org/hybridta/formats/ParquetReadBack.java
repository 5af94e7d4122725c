package org.hybridta.formats;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads a Parquet file back: its footer with parquet-java's metadata converter (no Hadoop needed), its rows
 * with parquet-java's own reader, the decoding parquet-java users and Spark's non-vectorized path get.
 * That reader's options always create Hadoop's codec factory, so {@link #rows} needs Hadoop on the class
 * path (zstd itself is decompressed here, through zstd-jni).
 */
final class ParquetReadBack {
    private ParquetReadBack() {}

    /** The footer, read without parquet-java's reader (whose options need Hadoop's codec classes). */
    static ParquetMetadata footer(Path file) throws IOException {
        long size = Files.size(file);
        try (SeekableInputStream in = new LocalInputFile(file).newStream()) {
            byte[] tail = new byte[8];
            in.seek(size - 8);
            in.readFully(tail);
            assertThat(new String(tail, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            int length = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            in.seek(size - 8 - length);
            return new ParquetMetadataConverter().readParquetMetadata(in, ParquetMetadataConverter.NO_FILTER);
        }
    }

    /** Every row as boxed values (Integer for DATE and INT32, String, Double), null for NULL. */
    static List<Object[]> rows(Path file) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group g = records.read();
                    Object[] row = new Object[schema.getFieldCount()];
                    for (int c = 0; c < row.length; c++) {
                        if (g.getFieldRepetitionCount(c) == 0) continue;
                        PrimitiveType type = schema.getType(c).asPrimitiveType();
                        row[c] = switch (type.getPrimitiveTypeName()) {
                            case INT32 -> g.getInteger(c, 0);
                            case DOUBLE -> g.getDouble(c, 0);
                            case BINARY -> g.getString(c, 0);
                            default -> throw new AssertionError("unexpected type " + type);
                        };
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static ParquetFileReader open(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ZstdOnly()).build();
        return ParquetFileReader.open(new LocalInputFile(file), options);
    }

    /** Decompression for the codecs our files use (zstd, or none), without parquet-java's Hadoop codecs. */
    private static final class ZstdOnly implements CompressionCodecFactory {
        @Override public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("read only");
        }

        @Override public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            if (codec != CompressionCodecName.ZSTD && codec != CompressionCodecName.UNCOMPRESSED) {
                throw new AssertionError("unexpected codec " + codec);
            }
            return new BytesInputDecompressor() {
                @Override public BytesInput decompress(BytesInput bytes, int size) throws IOException {
                    if (codec == CompressionCodecName.UNCOMPRESSED) return bytes;
                    return BytesInput.from(Zstd.decompress(bytes.toByteArray(), size));
                }

                @Override public void decompress(ByteBuffer in, int inSize, ByteBuffer out, int outSize) throws IOException {
                    byte[] src = new byte[inSize];
                    in.get(src);
                    out.put(codec == CompressionCodecName.UNCOMPRESSED ? src : Zstd.decompress(src, outSize));
                }

                @Override public void release() {}
            };
        }

        @Override public void release() {}
    }
}
