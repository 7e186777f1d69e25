package social.annals.command.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.events.ids.FlakeId;

class FlakeIdGeneratorTest {

    private final Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void idsMadeInOneMillisecondAreDistinctAndAscending() {
        FlakeIdGenerator generator = new FlakeIdGenerator(fixed, 7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(generator.next());
        }
        assertThat(ids).doesNotHaveDuplicates().isSorted().allSatisfy(id -> assertThat(id).hasSize(18));
    }

    @Test
    void idsCarryTheClocksTime() {
        String id = new FlakeIdGenerator(fixed, 7).next();
        assertThat(FlakeId.timestampOf(id)).isEqualTo(fixed.millis());
    }

    @Test
    void moreThanSixtyFiveThousandIdsInOneMillisecondBorrowTheNextMillisecond() {
        FlakeIdGenerator generator = new FlakeIdGenerator(fixed, 7);
        String last = null;
        for (int i = 0; i <= 0x10000; i++) {
            last = generator.next();
        }
        assertThat(FlakeId.timestampOf(last)).isEqualTo(fixed.millis() + 1);
    }
}
