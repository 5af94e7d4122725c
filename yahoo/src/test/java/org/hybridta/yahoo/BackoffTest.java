package org.hybridta.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration BASE = Duration.ofMillis(100), MAX = Duration.ofMillis(1000);

    @Test void delayDoublesWithJitterAndStopsAtTheCap() {
        for (int i = 0; i < 200; i++) {
            assertThat(Backoff.delay(1, BASE, MAX)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(Backoff.delay(2, BASE, MAX)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(Backoff.delay(3, BASE, MAX)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(Backoff.delay(5, BASE, MAX)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(Backoff.delay(60, BASE, MAX)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test void delayIsJittered() {
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> Backoff.delay(3, BASE, MAX)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test void retryAfterReadsSecondsAndHttpDates() {
        ZonedDateTime now = ZonedDateTime.of(2024, 1, 2, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Backoff.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.retryAfter(" 0 ", now)).contains(Duration.ZERO);
        assertThat(Backoff.retryAfter("Tue, 02 Jan 2024 12:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.retryAfter("Tue, 02 Jan 2024 11:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(Backoff.retryAfter("soon", now)).isEmpty();
        assertThat(Backoff.retryAfter(null, now)).isEmpty();
        assertThat(Backoff.retryAfter("-5", now)).isEmpty();
    }
}
