package org.hybridta.examples.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.hybridta.source.CsvQuoteSource;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.yahoo.YahooQuoteSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --source}, {@code --yahoo-url} and {@code --concurrency} options, shared by {@code run} and
 * {@code fetch}: where bars come from, and how many symbols are fetched at once.
 *
 * <p>Each command says what it does without {@code --source}: {@code run} takes the synthetic market,
 * {@code fetch} insists on a choice, so that nobody writes synthetic prices to files by accident.
 */
final class SourceChoice {
    /** Yahoo's own limit on {@code --concurrency}: more connections than this only invite throttling. */
    private static final int YAHOO_MAX_CONCURRENCY = 64;

    /** The kinds of source. */
    enum Kind { SYNTHETIC, CSV, YAHOO }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Where bars come from: yahoo (Yahoo Finance over HTTPS), synthetic (a deterministic market, no network), "
                    + "or csv:DIR (a directory of SYMBOL.csv files as 'fetch' writes them). 'run' defaults to synthetic; "
                    + "'fetch' needs it.")
    private String source;

    @Option(names = "--yahoo-url", paramLabel = "URL",
            description = "With --source yahoo: where Yahoo's chart API lives (default " + YahooQuoteSource.DEFAULT_BASE_URL
                    + "); a mirror, or a local server for tests. Plain http:// only for local servers.")
    private String yahooUrl;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N symbols fetched at once. For yahoo, N requests in flight (default 4, at most 64: "
                    + "Yahoo throttles without a documented limit); other sources keep to their own limit too.")
    private Integer concurrency;

    /** What was chosen: {@code --source} as given, else {@code fallback}; a usage error when neither is. */
    Kind kind(String fallback) {
        String s = chosen(fallback);
        if (s == null) {
            throw new ParameterException(mixee.commandLine(), "--source is missing: choose yahoo, synthetic or csv:DIR");
        }
        Kind k;
        if (s.equalsIgnoreCase("yahoo")) k = Kind.YAHOO;
        else if (s.equalsIgnoreCase("synthetic")) k = Kind.SYNTHETIC;
        else if (s.regionMatches(true, 0, "csv:", 0, 4)) {
            if (s.substring(4).isBlank()) throw new ParameterException(mixee.commandLine(), "--source csv:DIR needs a directory, e.g. csv:quotes/");
            k = Kind.CSV;
        } else {
            throw new ParameterException(mixee.commandLine(), "--source " + s + ": unknown source (choose yahoo, synthetic or csv:DIR)");
        }
        if (yahooUrl != null && k != Kind.YAHOO) {
            throw new ParameterException(mixee.commandLine(), "--yahoo-url is for --source yahoo, not " + s);
        }
        if (concurrency != null && (concurrency < 1 || k == Kind.YAHOO && concurrency > YAHOO_MAX_CONCURRENCY)) {
            throw new ParameterException(mixee.commandLine(), "--concurrency must be " + (k == Kind.YAHOO ? "1 to " + YAHOO_MAX_CONCURRENCY
                    + " for yahoo" : ">= 1") + ", was " + concurrency);
        }
        return k;
    }

    /** The directory of {@code --source csv:DIR}, or null for another source. */
    Path csvDirectory(String fallback) {
        return kind(fallback) == Kind.CSV ? Path.of(chosen(fallback).substring(4)) : null;
    }

    private String chosen(String fallback) {
        return source == null ? fallback : source.strip();
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
            case SYNTHETIC -> SyntheticQuoteSource.create();
            case CSV -> {
                try {
                    yield CsvQuoteSource.of(csvDirectory(fallback));
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
                yield b.build();
            }
        };
    }
}
