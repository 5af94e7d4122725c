package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarCsvTest {
    private static final String HEADER = "date,open,high,low,close,volume\n";

    @TempDir Path dir;

    private static BarSeries read(String csv) throws IOException {
        return BarCsv.read(new StringReader(csv), "ttrc.csv", "TTRC");
    }

    private static CsvFormatException failure(String csv) {
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> read(csv));
        assertThat(e).as("expected a CsvFormatException for:%n%s", csv).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith("ttrc.csv");
        return e;
    }

    // ---------------------------------------------------------------- reading what is valid

    @Test void readsTheBasicColumns() throws IOException {
        BarSeries s = read(HEADER
                + "2024-01-02,10,12,9,11,1000\n"
                + "2024-01-03,11,13.5,10.25,13,2500\n");
        assertThat(s.symbol()).isEqualTo("TTRC");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.date(0)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(s.date(1)).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(s.open()).containsExactly(10, 11);
        assertThat(s.high()).containsExactly(12, 13.5);
        assertThat(s.low()).containsExactly(9, 10.25);
        assertThat(s.close()).containsExactly(11, 13);
        assertThat(s.volume()).containsExactly(1000, 2500);
        assertThat(s.adjClose()).as("adjusted close defaults to close").containsExactly(11, 13);
    }

    @Test void columnsMayComeInAnyOrderAndCaseWithExtraColumnsIgnored() throws IOException {
        BarSeries s = read("Volume,Symbol,CLOSE,Low,High,Open,Date,Dividends\n"
                + "1000,X,11,9,12,10,2024-01-02,0\n");
        assertThat(s.open()).containsExactly(10);
        assertThat(s.high()).containsExactly(12);
        assertThat(s.low()).containsExactly(9);
        assertThat(s.close()).containsExactly(11);
        assertThat(s.volume()).containsExactly(1000);
    }

    @Test void acceptsTheSpellingsOfAdjustedClose() throws IOException {
        for (String name : new String[] {"adj_close", "Adj Close", "adjclose", "ADJ_CLOSE"}) {
            BarSeries s = read("date,open,high,low,close," + name + ",volume\n2024-01-02,10,12,9,11,10.5,1000\n");
            assertThat(s.adjClose()).as(name).containsExactly(10.5);
            assertThat(s.close()).as(name).containsExactly(11);
        }
    }

    @Test void toleratesQuotesSpacesCrLfBlankLinesAndAByteOrderMark() throws IOException {
        BarSeries s = read("\uFEFF\"Date\", \"Open\" ,High,Low,Close,Volume\r\n"
                + "\r\n"
                + "\"2024-01-02\", 10 ,12,9,11,\"1000\"\r\n"
                + "   \r\n"
                + "2024-01-03,1.5e1,1.6E1,+9,-0.5,0\r\n"
                + "\r\n");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.open()).containsExactly(10, 15);
        assertThat(s.high()).containsExactly(12, 16);
        assertThat(s.low()).containsExactly(9, 9);
        assertThat(s.close()).containsExactly(11, -0.5);
        assertThat(s.volume()).containsExactly(1000, 0);
    }

    @Test void aLastLineWithoutNewlineIsRead() throws IOException {
        assertThat(read(HEADER + "2024-01-02,10,12,9,11,1000").size()).isEqualTo(1);
    }

    @Test void readsAFileByPath() throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, HEADER + "2024-01-02,10,12,9,11,1000\n");
        BarSeries s = BarCsv.read(file, "X");
        assertThat(s.symbol()).isEqualTo("X");
        assertThat(s.close()).containsExactly(11);
    }

    // ---------------------------------------------------------------- errors: the whole file

    @Test void anEmptyFileIsRefused() {
        CsvFormatException e = failure("");
        assertThat(e.getMessage()).isEqualTo("ttrc.csv: the file is empty; expected a header line with the columns "
                + "date,open,high,low,close,volume (adj_close optional)");
        assertThat(e.line()).isZero();
        assertThat(failure("\n\n  \n").getMessage()).contains("the file is empty");
    }

    @Test void aHeaderWithoutBarsIsRefused() {
        CsvFormatException e = failure(HEADER);
        assertThat(e.getMessage()).isEqualTo("ttrc.csv: no bars after the header (line 1)");
    }

    @Test void aMissingColumnIsNamedWithTheHeaderFound() {
        CsvFormatException e = failure("Date,Open,High,Low,Close\n2024-01-02,10,12,9,11\n");
        assertThat(e.getMessage()).isEqualTo("ttrc.csv line 1: missing column \"volume\"; the header is \"Date,Open,High,Low,Close\", "
                + "expected date,open,high,low,close,volume (adj_close optional)");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test void allMissingColumnsAreNamed() {
        assertThat(failure("when,price\n2024-01-02,1\n").getMessage())
                .contains("missing columns \"date\", \"open\", \"high\", \"low\", \"close\", \"volume\"")
                .contains("the header is \"when,price\"");
    }

    @Test void aDuplicateColumnIsRefused() {
        assertThat(failure("date,open,high,low,close,Close,volume\n2024-01-02,1,1,1,1,1,1\n").getMessage())
                .isEqualTo("ttrc.csv line 1: column \"close\" appears twice in the header (\"close\" and \"Close\")");
        assertThat(failure("date,open,high,low,close,adj close,adj_close,volume\n").getMessage())
                .contains("column \"adj_close\" appears twice");
    }

    @Test void aFileThatIsNotTextIsRefused() throws IOException {
        Path file = dir.resolve("bars.csv");
        Files.write(file, new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28});
        assertThatThrownBy(() -> BarCsv.read(file, "X")).isInstanceOf(CsvFormatException.class)
                .hasMessage(file + ": not UTF-8 text (is it a CSV file?)");
    }

    @Test void aMissingFileIsANoSuchFileException() {
        Path file = dir.resolve("nope.csv");
        assertThatThrownBy(() -> BarCsv.read(file, "X")).isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.csv");
    }

    // ---------------------------------------------------------------- errors: one value

    @Test void aValueThatIsNotANumberNamesLineAndColumn() {
        String csv = HEADER + "2024-01-02,10,12,9,11,1000\n" + "2024-01-03,abc,12,9,11,1000\n";
        CsvFormatException e = failure(csv);
        assertThat(e.getMessage()).isEqualTo("ttrc.csv line 3, column \"open\": \"abc\" is not a number");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("open");
        assertThat(e.problem()).isEqualTo("\"abc\" is not a number");
        assertThat(e.source()).isEqualTo("ttrc.csv");
    }

    @Test void theColumnIsNamedAsTheHeaderSpellsIt() {
        assertThat(failure("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,12,9,11,x,1000\n").getMessage())
                .isEqualTo("ttrc.csv line 2, column \"Adj Close\": \"x\" is not a number");
    }

    @Test void lineNumbersCountBlankLinesAndCarriageReturns() {
        String csv = "\r\n" + HEADER.replace("\n", "\r\n") + "\r\n2024-01-02,10,12,9,11,1000\r\n\r\n\r\n2024-01-03,10,12,9,1O,1000\r\n";
        assertThat(failure(csv).getMessage()).isEqualTo("ttrc.csv line 7, column \"close\": \"1O\" is not a number");
    }

    @Test void theErrorOnTheLastLineWithoutNewlineNamesThatLine() {
        assertThat(failure(HEADER + "2024-01-02,10,12,9,11,1000\n2024-01-03,10,12,9,11,lots").getMessage())
                .isEqualTo("ttrc.csv line 3, column \"volume\": \"lots\" is not a number");
    }

    @Test void nonFiniteAndOddNumberFormsAreRefused() {
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "0x1p3", "1d", "2f", "1,5", "--1", "e", "."}) {
            String csv = HEADER + "2024-01-02," + (bad.contains(",") ? "\"" + bad + "\"" : bad) + ",12,9,11,1000\n";
            assertThat(failure(csv).getMessage()).as(bad).isEqualTo("ttrc.csv line 2, column \"open\": \"" + bad + "\" is not a number");
        }
        assertThat(failure(HEADER + "2024-01-02,1e999,12,9,11,1000\n").getMessage())
                .isEqualTo("ttrc.csv line 2, column \"open\": \"1e999\" is too large");
    }

    @Test void anEmptyValueIsRefused() {
        assertThat(failure(HEADER + "2024-01-02,10,,9,11,1000\n").getMessage())
                .isEqualTo("ttrc.csv line 2, column \"high\": the value is empty");
        assertThat(failure(HEADER + "2024-01-02,10,null,9,11,1000\n").getMessage())
                .isEqualTo("ttrc.csv line 2, column \"high\": \"null\" is not a number");
    }

    @Test void aNegativeVolumeIsRefused() {
        assertThat(failure(HEADER + "2024-01-02,10,12,9,11,-5\n").getMessage())
                .isEqualTo("ttrc.csv line 2, column \"volume\": -5 is negative; a volume must be 0 or more");
    }

    @Test void aLineWithTooFewOrTooManyValuesIsRefused() {
        assertThat(failure(HEADER + "2024-01-02,10,12,9,11\n").getMessage())
                .isEqualTo("ttrc.csv line 2: 5 values, but the header (line 1) has 6 columns");
        assertThat(failure(HEADER + "2024-01-02,10,12,9,11,1000,7\n").getMessage())
                .isEqualTo("ttrc.csv line 2: 7 values, but the header (line 1) has 6 columns");
    }

    @Test void malformedQuotingIsRefused() {
        assertThat(failure(HEADER + "2024-01-02,\"10\"x,12,9,11,1000\n").getMessage())
                .startsWith("ttrc.csv: malformed CSV after line 1: ");
    }

    // ---------------------------------------------------------------- errors: dates

    @Test void aDateInAnotherFormIsRefused() {
        for (String bad : new String[] {"2024/01/02", "01/02/2024", "2024-1-2", "20240102", "2024-01-02T00:00", "yesterday"}) {
            assertThat(failure(HEADER + bad + ",10,12,9,11,1000\n").getMessage()).as(bad)
                    .isEqualTo("ttrc.csv line 2, column \"date\": \"" + bad + "\" is not a date of the form yyyy-MM-dd");
        }
    }

    @Test void aDayThatDoesNotExistIsRefused() {
        assertThat(failure(HEADER + "2023-02-29,10,12,9,11,1000\n").getMessage())
                .isEqualTo("ttrc.csv line 2, column \"date\": \"2023-02-29\" is not a valid date");
        assertThat(failure(HEADER + "2024-13-01,10,12,9,11,1000\n").getMessage()).contains("is not a valid date");
    }

    @Test void aDuplicateDateNamesBothLines() {
        CsvFormatException e = failure(HEADER
                + "2024-01-02,10,12,9,11,1000\n"
                + "2024-01-03,10,12,9,11,1000\n"
                + "2024-01-03,10,12,9,11,1000\n");
        assertThat(e.getMessage()).isEqualTo("ttrc.csv line 4, column \"date\": 2024-01-03 repeats the date of line 3; each date may appear once");
    }

    @Test void anEarlierDateNamesBothLines() {
        CsvFormatException e = failure(HEADER
                + "2024-01-02,10,12,9,11,1000\n"
                + "2024-01-04,10,12,9,11,1000\n"
                + "\n"
                + "2024-01-03,10,12,9,11,1000\n");
        assertThat(e.getMessage()).isEqualTo("ttrc.csv line 5, column \"date\": 2024-01-03 comes before 2024-01-04 on line 3; "
                + "dates must be strictly increasing (oldest first)");
    }

    @Test void aFileSortedNewestFirstGetsAHint() {
        assertThat(failure(HEADER + "2024-01-03,10,12,9,11,1000\n2024-01-02,10,12,9,11,1000\n").getMessage())
                .endsWith("dates must be strictly increasing (oldest first; the file seems to be sorted newest first)");
    }

    // ---------------------------------------------------------------- writing

    @Test void writesTheFetchFormat() throws IOException {
        BarSeries s = BarSeries.of("X", new LocalDate[] {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)},
                new double[] {10, 11.5}, new double[] {12, 13}, new double[] {9, 10}, new double[] {11, 12.25},
                new double[] {10.5, 12}, new double[] {1_000_000, 2.5e6});
        StringWriter w = new StringWriter();
        BarCsv.write(w, s);
        assertThat(w.toString()).isEqualTo("date,open,high,low,close,adj_close,volume\n"
                + "2024-01-02,10,12,9,11,10.5,1000000\n"
                + "2024-01-03,11.5,13,10,12.25,12,2500000\n");
    }

    @Test void roundTripsExactlyThroughAFile() throws IOException {
        Random rnd = new Random(7);
        int n = 2_000;
        int[] days = new int[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], a = new double[n], v = new double[n];
        int day = (int) LocalDate.of(1990, 1, 1).toEpochDay();
        for (int i = 0; i < n; i++) {
            day += 1 + rnd.nextInt(3);
            days[i] = day;
            c[i] = 100 * Math.exp(rnd.nextGaussian());       // full-precision doubles
            o[i] = c[i] * (1 + 0.01 * rnd.nextGaussian());
            h[i] = Math.max(o[i], c[i]) + rnd.nextDouble();
            l[i] = Math.min(o[i], c[i]) - rnd.nextDouble();
            a[i] = c[i] * 0.97;
            v[i] = rnd.nextInt(10) == 0 ? rnd.nextDouble() * 1e-7 : Math.floor(rnd.nextDouble() * 1e9);
        }
        // awkward values: tiny, huge, negative zero, 0.1 + 0.2, a whole number above 1e15
        o[0] = 1e-300; h[0] = 1.7976931348623157e308; l[0] = -0.0; c[0] = 0.1 + 0.2; v[0] = 1e17;
        BarSeries original = BarSeries.of("RT", days, o, h, l, c, a, v);
        Path file = dir.resolve("RT.csv");
        BarCsv.write(file, original);
        BarSeries back = BarCsv.read(file, "RT");
        assertThat(back).isEqualTo(original);
        for (Field f : Field.values()) assertThat(back.values(f)).as(f.toString()).isEqualTo(original.values(f));
        assertThat(dir).isDirectoryContaining(p -> p.equals(file));
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);   // no temporary file left
        }
    }

    /** Large files read whole and exactly; their speed is measured by JMH ({@code formats.BarCsvBenchmarks}). */
    @Test void readsOneHundredThousandBarsExactly() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        LocalDate d = LocalDate.of(1700, 1, 1);
        Random rnd = new Random(1);
        double price = 100;
        double[] closes = new double[100_000];
        for (int i = 0; i < closes.length; i++) {
            price *= Math.exp(0.01 * rnd.nextGaussian());
            closes[i] = price;
            sb.append(d.plusDays(i)).append(',').append(price).append(',').append(price * 1.01).append(',')
                    .append(price * 0.99).append(',').append(price).append(',').append(rnd.nextInt(1_000_000)).append('\n');
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        BarSeries s = BarCsv.read(file, "BIG");
        assertThat(s.size()).isEqualTo(closes.length);
        assertThat(s.values(Field.CLOSE)).isEqualTo(closes);
        assertThat(s.date(closes.length - 1)).isEqualTo(d.plusDays(closes.length - 1));
    }
}
