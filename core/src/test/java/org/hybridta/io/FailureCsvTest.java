package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hybridta.SymbolStatus;
import org.hybridta.source.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureCsvTest {
    @TempDir Path dir;

    @Test void everyFailureReadsBackExactlyWhateverItsMessageHolds() throws IOException {
        String awkward = "bad, \"quoted\" data\non two lines";
        List<SymbolStatus> statuses = List.of(SymbolStatus.ok("AAPL", 250, 0), SymbolStatus.failed("ZZZZ", FailureKind.NOT_FOUND, "no file x.csv"),
                SymbolStatus.failed("BRK.B", FailureKind.BAD_DATA, awkward));
        Path file = dir.resolve("failures.csv");
        assertThat(FailureCsv.write(file, statuses)).isEqualTo(2);
        try (Reader r = Files.newBufferedReader(file)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(r).getRecords();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).toList()).containsExactly("symbol", "kind", "message");
            assertThat(rows.get(1).toList()).containsExactly("ZZZZ", "not_found", "no file x.csv");
            assertThat(rows.get(2).toList()).containsExactly("BRK.B", "bad_data", awkward);
        }
    }
}
