package social.annals.command.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericIdGeneratorTest {

    @Test
    void idsIncreaseStayBelowTwoToTheFiftyThirdAndNeverRepeatWithinAMillisecond() {
        Instant now = Instant.parse("2090-01-01T00:00:00Z");
        NumericIdGenerator ids = new NumericIdGenerator(Clock.fixed(now, ZoneOffset.UTC), 15);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allMatch(id -> id > 0 && id < (1L << 53));
        // Borrowing later milliseconds when the sequence runs out keeps them below "everything up to a second later".
        assertThat(made.get(999)).isLessThanOrEqualTo(NumericIdGenerator.latestAt(now.plusMillis(10)));
    }

    @Test
    void everythingMadeUpToAnInstantIsAtMostItsLatestId() {
        Instant now = Instant.parse("2026-11-26T12:00:00.123Z");
        long id = new NumericIdGenerator(Clock.fixed(now, ZoneOffset.UTC), 15).next();
        assertThat(id).isLessThanOrEqualTo(NumericIdGenerator.latestAt(now));
        assertThat(id).isGreaterThan(NumericIdGenerator.latestAt(now.minusMillis(1)));
    }

    @Test
    void aClockThatGoesBackDoesNotMakeSmallerIds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
        NumericIdGenerator ids = new NumericIdGenerator(clock, 3);
        long first = ids.next();
        clock.now = clock.now.minusSeconds(1);
        assertThat(ids.next()).isGreaterThan(first);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
