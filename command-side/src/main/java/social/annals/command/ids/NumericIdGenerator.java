package social.annals.command.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Numeric ids (notifications, invites): time-ordered integers below 2^53, because clients (the
 * Pleroma web frontend, admin front-ends) parse them as JavaScript numbers. 41 bits of milliseconds since 2024 (until 2093), 4 bits of
 * worker, 8 bits of sequence. The worker part is random per process; should two nodes ever make
 * the same id, the second aggregate cannot be created and its command is retried with a new id.
 */
@Component
public class NumericIdGenerator {

    static final long EPOCH_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 4;
    private static final int SEQUENCE_BITS = 8;
    private static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long worker;
    private long lastMillis = -1;
    private int sequence;

    @Autowired
    public NumericIdGenerator(Clock clock) {
        this(clock, new SecureRandom().nextInt(1 << WORKER_BITS));
    }

    NumericIdGenerator(Clock clock, long worker) {
        this.clock = clock;
        this.worker = worker;
    }

    public synchronized long next() {
        long now = clock.millis() - EPOCH_MILLIS;
        if (now <= lastMillis) {
            // Same millisecond, or the clock went back: keep counting from the last one.
            sequence++;
            if (sequence > MAX_SEQUENCE) {
                lastMillis++;
                sequence = 0;
            }
        } else {
            lastMillis = now;
            sequence = 0;
        }
        return (lastMillis << (WORKER_BITS + SEQUENCE_BITS)) | (worker << SEQUENCE_BITS) | sequence;
    }

    /** The largest id any notification made up to {@code instant} can have (for "clear everything so far"). */
    public static long latestAt(Instant instant) {
        return ((instant.toEpochMilli() - EPOCH_MILLIS + 1) << (WORKER_BITS + SEQUENCE_BITS)) - 1;
    }
}
