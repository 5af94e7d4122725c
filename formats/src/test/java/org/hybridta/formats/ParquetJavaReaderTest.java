package org.hybridta.formats;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * parquet-java's own record reader reads our files value by value. Runs in its own surefire execution with
 * Hadoop on the class path (parquet-java's read options create Hadoop's codec factory); every other test
 * runs without Hadoop.
 */
class ParquetJavaReaderTest {
    @TempDir Path dir;

    @Test void parquetJavasReaderGivesBackEveryValue() throws IOException {
        SampleTable table = new SampleTable(40, 2_000, 11);
        Path file = dir.resolve("run.parquet");
        ParquetTableWriterTest.write(file, table, WriteOptions.defaults().withRowGroupRows(25_000));
        ParquetTableWriterTest.assertSameRows(ParquetReadBack.rows(file), table.expectedRows());

        SampleTable many = new SampleTable(700, 6, 9);    // 10-bit dictionary indices
        Path manyFile = dir.resolve("many.parquet");
        ParquetTableWriterTest.write(manyFile, many, WriteOptions.defaults());
        ParquetTableWriterTest.assertSameRows(ParquetReadBack.rows(manyFile), many.expectedRows());
    }
}
