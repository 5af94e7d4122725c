package org.hybridta.yahoo;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, and the parsing of {@code Retry-After}. */
final class Backoff {
    private Backoff() {}

    /**
     * The pause before retry number {@code retry} (1 for the first retry): a random duration in
     * [½, 1] × min(max, base × 2^(retry−1)). The random half spreads clients that failed together, so they
     * do not all come back in the same instant ("equal jitter"); the fixed half keeps the pause growing.
     */
    static Duration delay(int retry, Duration base, Duration max) {
        long baseNanos = base.toNanos();
        long cap = max.toNanos();
        int shift = Math.min(retry - 1, 30);
        long exp = baseNanos > (cap >> shift) ? cap : Math.min(cap, baseNanos << shift);
        long half = exp / 2;
        return Duration.ofNanos(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
    }

    /**
     * {@code Retry-After} as a duration: either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Empty when
     * the header is absent or unreadable (we then fall back to our own backoff).
     */
    static Optional<Duration> retryAfter(String header, ZonedDateTime now) {
        if (header == null) return Optional.empty();
        String v = header.trim();
        if (v.isEmpty()) return Optional.empty();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {          // more digits than a long holds
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
