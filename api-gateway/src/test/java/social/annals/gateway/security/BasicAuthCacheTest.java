package social.annals.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import social.annals.command.secrets.Digests;

class BasicAuthCacheTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVerifiedPasswordIsRememberedForFiveMinutesAndOnlyWithTheSameHash() {
        Digests digests = mock(Digests.class);
        when(digests.hmac(anyString(), anyString())).thenAnswer(call -> call.getArgument(1));
        MovableClock clock = new MovableClock();
        BasicAuthCache cache = new BasicAuthCache(digests, clock);

        cache.remember("lain", "bear", "hash-1");
        assertThat(cache.isVerified("lain", "bear", "hash-1")).isTrue();
        assertThat(cache.isVerified("lain", "wolf", "hash-1")).isFalse();
        assertThat(cache.isVerified("lain", "bear", "hash-2")).as("after a password change").isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(cache.isVerified("lain", "bear", "hash-1")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(cache.isVerified("lain", "bear", "hash-1")).isFalse();
    }
}
