package org.hybridta.xsection;

/**
 * What happens to the days on which some series has no return: a symbol listed later than the others, a halt, a
 * holiday of another exchange (a return needs the symbol's close on the day and on the calendar day before).
 */
public enum MissingDays {
    /**
     * Each pair of symbols uses the days on which both have a return (pandas' {@code DataFrame.corr()}): its means,
     * variances and covariance are those of the common days, so a symbol listed two years ago still has a
     * correlation with every other over those two years. A pair with fewer than {@link CrossSection#MIN_DAYS} common
     * days has no value (NaN). The matrices need not be positive semi-definite.
     */
    PAIRWISE_COMPLETE,
    /**
     * Only the days on which every symbol (and the benchmark) has a return are used, for every pair alike (listwise
     * deletion): one sample, a positive semi-definite covariance matrix, but one short history shortens everyone's.
     */
    DROP;

    /** The name used on the command line: {@code pairwise} or {@code drop}. */
    public String text() { return this == PAIRWISE_COMPLETE ? "pairwise" : "drop"; }

    /** Parses {@code pairwise} (or {@code pairwise-complete}) and {@code drop}. */
    public static MissingDays parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "pairwise", "pairwise-complete" -> PAIRWISE_COMPLETE;
            case "drop" -> DROP;
            default -> throw new IllegalArgumentException("missing-day policy '" + text + "' is unknown: choose pairwise or drop");
        };
    }
}
