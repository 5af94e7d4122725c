package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hybridta.SymbolStatus;
import org.hybridta.io.FailureCsv;
import org.hybridta.io.IoErrors;

/**
 * {@code DIR/failures.csv} of {@code run}, {@code fetch} and {@code xsection}: every failed symbol with its kind and message
 * ({@link FailureCsv}), so that a summary that lists the first failures loses none. A run without failures
 * removes the file an earlier run left there, which would describe another run.
 */
final class FailureFile {
    /** The file's name in the output directory. */
    static final String NAME = "failures.csv";

    private FailureFile() {}

    /** What became of the failures: written to a file, or to be listed in full (no directory, or it cannot be written). */
    record Record(Path file, int count, String problem) {
        /** {@code ; all in out/failures.csv}, to follow a failure count; empty when there is no file. */
        String where() {
            return file == null ? "" : "; all in " + file;
        }

        /** Whether the summary must list every failure itself. */
        boolean listAll() {
            return file == null;
        }

        /** The summary's line about the file, if any. */
        void printTo(PrintWriter out) {
            if (file != null) out.printf("wrote %s (%d failure%s)%n", file, count, count == 1 ? "" : "s");
            else if (problem != null) out.println("cannot write the failures to a file (" + problem + "); all are listed above");
        }
    }

    /** No directory to write to (output to standard output): the summary lists every failure. */
    static Record none() {
        return new Record(null, 0, null);
    }

    /** Writes {@code failures} to {@code file}, or removes a stale file when there are none. Never throws. */
    static Record record(Path file, List<SymbolStatus> failures) {
        try {
            if (failures.isEmpty()) {
                Files.deleteIfExists(file);
                return none();
            }
            return new Record(file, FailureCsv.write(file, failures), null);
        } catch (IOException e) {
            return new Record(null, 0, IoErrors.describe(e));
        }
    }
}
