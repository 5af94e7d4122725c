package org.hybridta.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVPrinter;
import org.hybridta.SymbolStatus;

/**
 * Every failed symbol of a run, one row each: {@code symbol,kind,message}, the kind in lower case
 * ({@code not_found}, {@code error}, …), the message in full; RFC 4180 quoting where a value needs it (commas,
 * quotes, line breaks). Written whole or not at all ({@link AtomicFiles}).
 */
public final class FailureCsv {
    /** The header of the file. */
    public static final List<String> COLUMNS = List.of("symbol", "kind", "message");

    private FailureCsv() {}

    /**
     * Writes the failures among {@code statuses} (the others are skipped) to {@code target}.
     *
     * @return how many rows were written
     */
    public static int write(Path target, List<SymbolStatus> statuses) throws IOException {
        Objects.requireNonNull(statuses, "statuses");
        int[] rows = {0};
        AtomicFiles.writeText(target, w -> {
            CSVPrinter csv = new CSVPrinter(w, CsvText.FORMAT);
            csv.printRecord(COLUMNS);
            for (SymbolStatus s : statuses) {
                if (s.isOk()) continue;
                csv.printRecord(s.symbol(), s.failure().orElseThrow().name().toLowerCase(Locale.ROOT), s.reason());
                rows[0]++;
            }
            csv.flush();
        });
        return rows[0];
    }
}
