package social.annals.command.ids;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import social.annals.events.ids.FlakeId;

/**
 * Makes time-ordered ids for new entities before their commands are sent. The worker part is
 * random per process, so several nodes never collide; a clock that goes backwards is waited out.
 */
@Component
public class FlakeIdGenerator {

    private static final long MAX_BACKWARDS_WAIT_MS = 2_000;

    private final Clock clock;
    private final long worker;
    private long lastMillis = -1;
    private int sequence;

    @Autowired
    public FlakeIdGenerator(Clock clock) {
        this(clock, new SecureRandom().nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    FlakeIdGenerator(Clock clock, long worker) {
        this.clock = clock;
        this.worker = worker;
    }

    public synchronized String next() {
        long now = clock.millis();
        long waitedSince = now;
        while (now < lastMillis) {
            if (now - waitedSince > MAX_BACKWARDS_WAIT_MS || lastMillis - now > MAX_BACKWARDS_WAIT_MS) {
                throw new IllegalStateException("clock moved backwards by " + (lastMillis - now) + " ms");
            }
            Thread.onSpinWait();
            now = clock.millis();
        }
        if (now == lastMillis) {
            sequence++;
            if (sequence > 0xFFFF) {
                // 65 536 ids in one millisecond: borrow the next millisecond.
                lastMillis++;
                sequence = 0;
            }
        } else {
            lastMillis = now;
            sequence = 0;
        }
        return FlakeId.encode(lastMillis, worker, sequence);
    }
}
