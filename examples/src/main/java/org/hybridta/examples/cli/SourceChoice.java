package org.hybridta.examples.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hybridta.Universe;
import org.hybridta.io.UntrustedText;
import org.hybridta.source.CsvQuoteSource;
import org.hybridta.source.FailureKind;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.yahoo.YahooQuoteSource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The source options, shared by {@code run} and {@code fetch}: where bars come from ({@code --source}), how many
 * symbols are fetched at once ({@code --concurrency}), and Yahoo's server, timeouts, attempts and deadline
 * ({@code --yahoo-*}).
 *
 * <p>Each command says what it does without {@code --source}: {@code run} takes the synthetic market,
 * {@code fetch} insists on a choice, so that nobody writes synthetic prices to files by accident.
 */
final class SourceChoice {
    /** Yahoo's own limit on {@code --concurrency}: more connections than this only invite throttling. */
    private static final int YAHOO_MAX_CONCURRENCY = 64;
    /** The synthetic market with made-up bars for any symbol, not only the S&amp;P 500's. */
    private static final String SYNTHETIC_ANY = "synthetic:any";
    /** The most attempts per symbol the Yahoo source takes. */
    private static final int YAHOO_MAX_ATTEMPTS = 20;

    /** The kinds of source. */
    enum Kind { SYNTHETIC, CSV, YAHOO }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Where bars come from: yahoo (Yahoo Finance over HTTPS), synthetic (made-up prices for the S&P 500's "
                    + "symbols up to today, no network; synthetic:any for any symbol), or csv:DIR (a directory of SYMBOL.csv files "
                    + "as 'fetch' writes them). 'run' defaults to synthetic; 'fetch' needs it.")
    private String source;

    @Option(names = "--yahoo-url", paramLabel = "URL",
            description = "With --source yahoo: where Yahoo's chart API lives (default " + YahooQuoteSource.DEFAULT_BASE_URL
                    + "); a mirror, or a local server for tests. Plain http:// only for local servers.")
    private String yahooUrl;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N symbols fetched at once. For yahoo, N requests in flight (default 4, at most 64: "
                    + "Yahoo throttles without a documented limit); other sources keep to their own limit too.")
    private Integer concurrency;

    @Option(names = "--csv-follow-links",
            description = "With --source csv:DIR: read SYMBOL.csv files that are links to files outside DIR (by default such a "
                    + "symbol fails, unread).")
    private boolean csvFollowLinks;

    @Option(names = "--yahoo-connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --source yahoo: time to open a connection, e.g. 10s (the default).")
    private Duration connectTimeout;

    @Option(names = "--yahoo-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --source yahoo: time to wait for an answer, and between its packets, e.g. 30s (the default).")
    private Duration responseTimeout;

    @Option(names = "--yahoo-attempts", paramLabel = "N",
            description = "With --source yahoo: attempts per symbol, the first included (default 4, at most 20; 1 = no retries).")
    private Integer attempts;

    @Option(names = "--yahoo-deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --source yahoo: the most time one symbol may take, attempts and pauses included (default 2m); "
                    + "an answer still arriving then is cut off.")
    private Duration deadline;

    /** What was chosen: {@code --source} as given, else {@code fallback}; a usage error when neither is. */
    Kind kind(String fallback) {
        String s = chosen(fallback);
        if (s == null) {
            throw new ParameterException(mixee.commandLine(), "--source is missing: choose yahoo, synthetic or csv:DIR");
        }
        Kind k;
        if (s.equalsIgnoreCase("yahoo")) k = Kind.YAHOO;
        else if (s.equalsIgnoreCase("synthetic") || s.equalsIgnoreCase(SYNTHETIC_ANY)) k = Kind.SYNTHETIC;
        else if (s.regionMatches(true, 0, "csv:", 0, 4)) {
            if (s.substring(4).isBlank()) throw new ParameterException(mixee.commandLine(), "--source csv:DIR needs a directory, e.g. csv:quotes/");
            k = Kind.CSV;
        } else {
            throw new ParameterException(mixee.commandLine(), "--source " + UntrustedText.cap(s) + ": unknown source (choose yahoo, synthetic or csv:DIR)");
        }
        if (k != Kind.YAHOO) {
            String yahooOnly = yahooUrl != null ? "--yahoo-url" : connectTimeout != null ? "--yahoo-connect-timeout"
                    : responseTimeout != null ? "--yahoo-timeout" : attempts != null ? "--yahoo-attempts" : deadline != null ? "--yahoo-deadline" : null;
            if (yahooOnly != null) throw new ParameterException(mixee.commandLine(), yahooOnly + " is for --source yahoo, not " + s);
        }
        if (csvFollowLinks && k != Kind.CSV) throw new ParameterException(mixee.commandLine(), "--csv-follow-links is for --source csv:DIR, not " + s);
        requirePositive("--yahoo-connect-timeout", connectTimeout);
        requirePositive("--yahoo-timeout", responseTimeout);
        requirePositive("--yahoo-deadline", deadline);
        if (attempts != null && (attempts < 1 || attempts > YAHOO_MAX_ATTEMPTS)) {
            throw new ParameterException(mixee.commandLine(), "--yahoo-attempts must be 1 to " + YAHOO_MAX_ATTEMPTS + ", was " + attempts);
        }
        if (concurrency != null && (concurrency < 1 || k == Kind.YAHOO && concurrency > YAHOO_MAX_CONCURRENCY)) {
            throw new ParameterException(mixee.commandLine(), "--concurrency must be " + (k == Kind.YAHOO ? "1 to " + YAHOO_MAX_CONCURRENCY
                    + " for yahoo" : ">= 1") + ", was " + concurrency);
        }
        return k;
    }

    private void requirePositive(String option, Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new ParameterException(mixee.commandLine(), option + " must be positive, was " + d.toMillis() + "ms");
        }
    }

    /** The directory of {@code --source csv:DIR}, or null for another source. */
    Path csvDirectory(String fallback) {
        return kind(fallback) == Kind.CSV ? Path.of(chosen(fallback).substring(4)) : null;
    }

    private String chosen(String fallback) {
        return source == null ? fallback : source.strip();
    }

    private CsvQuoteSource csv(String fallback) {
        return CsvQuoteSource.builder(csvDirectory(fallback)).followLinksOutside(csvFollowLinks).build();
    }

    /**
     * The dates asked for, with the defaults for what was not given ({@link #ownRange} for CSV files).
     *
     * @throws ParameterException for a range the chosen source refuses: dates after today from the synthetic market
     */
    DateRange.Resolved dates(DateRange dates, Universe universe, String fallback) {
        DateRange.Resolved range = dates.resolve(() -> ownRange(universe, fallback));
        LocalDate today = LocalDate.now();
        if (kind(fallback) == Kind.SYNTHETIC && range.to().isAfter(today.plusDays(1))) {
            throw new ParameterException(mixee.commandLine(), "--to " + range.to() + ": the synthetic market has no bars after today ("
                    + today + "); give --to " + today.plusDays(1) + " or earlier, or leave it out");
        }
        return range;
    }

    /**
     * The chosen source's own date range, when it has one: for {@code csv:DIR}, the first date of {@code universe}'s
     * files to the day after their last (see {@link CsvQuoteSource#span}); empty for other sources, and when no file
     * can be read (opening the source then says why).
     */
    Optional<DateRange.Resolved> ownRange(Universe universe, String fallback) {
        if (kind(fallback) != Kind.CSV) return Optional.empty();
        try {
            return csv(fallback).span(universe.members()).map(s -> new DateRange.Resolved(s.first(), s.last().plusDays(1)));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** {@code --concurrency}, or null when not given. */
    Integer concurrency() { return concurrency; }

    /**
     * Opens the chosen source ({@code fallback} when {@code --source} was not given).
     *
     * @throws ParameterException for an unknown source or a bad {@code --yahoo-url}
     * @throws CliException       for a CSV directory that cannot be read
     */
    QuoteSource open(String fallback) {
        Kind k = kind(fallback);
        return switch (k) {
            case SYNTHETIC -> SyntheticQuoteSource.builder().anySymbol(chosen(fallback).equalsIgnoreCase(SYNTHETIC_ANY)).build();
            case CSV -> {
                try {
                    yield csv(fallback);
                } catch (UncheckedIOException e) {
                    throw new CliException(HybridTa.FAILED, "--source " + chosen(fallback) + ": " + e.getCause().getMessage(), e);
                }
            }
            case YAHOO -> {
                YahooQuoteSource.Builder b = YahooQuoteSource.builder();
                try {
                    if (yahooUrl != null) b.baseUrl(yahooUrl.strip());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(mixee.commandLine(), "--yahoo-url: " + e.getMessage());
                }
                if (concurrency != null) b.concurrency(concurrency);
                if (connectTimeout != null) b.connectTimeout(connectTimeout);
                if (responseTimeout != null) b.responseTimeout(responseTimeout);
                if (attempts != null) b.maxAttempts(attempts);
                if (deadline != null) b.deadline(deadline);
                yield b.build();
            }
        };
    }

    /**
     * Whether every symbol failed because the source could not be reached at all ({@link FailureKind#UNREACHABLE}):
     * then one line says why, instead of a list of identical failures.
     */
    static boolean allUnreachable(List<FailureKind> kinds) {
        return !kinds.isEmpty() && kinds.stream().allMatch(k -> k == FailureKind.UNREACHABLE);
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 ({@code PT30S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

        @Override public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt")) {
                    Duration d = Duration.parse(v);
                    if (!d.isNegative()) return d;
                }
                Matcher m = FORM.matcher(v);
                if (m.matches()) {
                    double n = Double.parseDouble(m.group(1));
                    String unit = m.group(2) == null ? "s" : m.group(2);
                    double ms = n * switch (unit) {
                        case "ms" -> 1;
                        case "m" -> 60_000;
                        case "h" -> 3_600_000;
                        default -> 1000;
                    };
                    if (ms <= Long.MAX_VALUE / 2) return Duration.ofMillis(Math.round(ms));
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                // the message below
            }
            throw new TypeConversionException(UntrustedText.quote(value).replace('"', '\'') + " is not a duration (e.g. 30s, 500ms, 2m)");
        }
    }
}
