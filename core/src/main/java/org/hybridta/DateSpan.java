package org.hybridta;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The dates {@code [from, to)} a request covers (the end exclusive, as in yfinance), with the defaults of every
 * request in HybridTA: January 1 of the current year, and today (bars through yesterday).
 */
public record DateSpan(LocalDate from, LocalDate to) {

    /**
     * The span asked for, defaults filled in for what is null.
     *
     * @throws IllegalArgumentException when the span is empty
     */
    public static DateSpan resolve(LocalDate from, LocalDate to, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : LocalDate.of(today.getYear(), 1, 1);
        LocalDate end = to != null ? to : today;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the date range is empty: from " + start + " must be before to " + end + " (to is exclusive)");
        }
        return new DateSpan(start, end);
    }
}
