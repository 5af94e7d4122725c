package org.hybridta.examples.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.hybridta.io.UntrustedText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --from} and {@code --to} options, shared by {@code run} and {@code fetch}: dates
 * {@code from ≤ date < to} (the end is exclusive, as in yfinance), by default January 1 of the current
 * year to today, i.e. through yesterday — or the source's own range, for CSV files.
 */
final class DateRange {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "First date, yyyy-MM-dd. Default: January 1 of the current year; with --source csv:DIR the files' first date.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
            description = "End date, exclusive (as yfinance), yyyy-MM-dd. Default: today, i.e. bars through yesterday; "
                    + "with --source csv:DIR the day after the files' last date.")
    private LocalDate to;

    /** The range's first date and its exclusive end, defaults filled in. */
    record Resolved(LocalDate from, LocalDate to) {}

    /**
     * The range asked for, with the defaults for what was not given: the source's own range when it has one (the
     * files of {@code --source csv:DIR}; asked only when needed), else January 1 of this year to today.
     *
     * @throws ParameterException when {@code --from} is not before {@code --to}, or the range is empty
     */
    Resolved resolve(Supplier<Optional<Resolved>> sourceRange) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(mixee.commandLine(), "--from " + from + " must be before --to " + to + " (--to is exclusive)");
        }
        Optional<Resolved> own = from != null && to != null ? Optional.empty() : sourceRange.get();
        LocalDate today = LocalDate.now();
        LocalDate start = from != null ? from : own.map(Resolved::from).orElse(LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = to != null ? to : own.map(Resolved::to).orElse(today);
        if (!start.isBefore(end)) {
            throw new ParameterException(mixee.commandLine(), "the date range " + start + " to " + end + " is empty; give --from and --to");
        }
        return new Resolved(start, end);
    }

    /** Dates as yyyy-MM-dd, with a message that says so. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + UntrustedText.cap(value) + "' is not a date (yyyy-MM-dd)");
            }
        }
    }
}
