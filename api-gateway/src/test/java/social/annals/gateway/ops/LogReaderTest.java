package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.status.StatusPosted;
import social.annals.gateway.support.ApiTest;

/** The rebuild's reader of the log: only the types asked for, upcast and decrypted as the event store reads them. */
class LogReaderTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Configuration axon;

    private LogReader reader() {
        return new LogReader(jdbc, axon.eventSerializer(), axon.upcasterChain());
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
    }

    @Test
    void readsOnlyTheTypesAskedForUpcastAndDecrypted() {
        User author = user("reader");
        long before = head();
        String first = postStatusId(author, "status", "first, from before custom emoji");
        String second = postStatusId(author, "status", "second");
        jdbc.update("UPDATE domainevententry SET payloadrevision = NULL, payload = convert_to("
                + "(convert_from(payload, 'UTF8')::jsonb - 'emojis')::text, 'UTF8') WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", first, StatusPosted.class.getName());

        List<TrackedEventMessage<?>> read = reader().read(Set.of(StatusPosted.class.getName()), before, upTo(head()),
                10);

        assertThat(read).extracting(event -> ((StatusPosted) event.getPayload()).statusId())
                .containsExactly(first, second);
        StatusPosted old = (StatusPosted) read.get(0).getPayload();
        assertThat(old.emojis()).isEmpty();
        assertThat(old.text()).isEqualTo("first, from before custom emoji");
        assertThat(reader().read(Set.of(StatusPosted.class.getName()), before, upTo(head()), 1)).hasSize(1);
        assertThat(reader().read(Set.of("no.such.Event"), before, upTo(head()), 10)).isEmpty();
    }

    private static GapAwareTrackingToken upTo(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    /** An event that was still committing (a gap) when the position was taken. */
    @Test
    void anEventInAGapOfThePositionIsLeftToWhatIsReadSinceIt() {
        User author = user("committing");
        long before = head();
        String first = postStatusId(author, "status", "committed");
        String late = postStatusId(author, "status", "still committing");
        long committing = head();
        String last = postStatusId(author, "status", "committed after it");
        GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(head(), List.of(committing));
        String next = postStatusId(author, "status", "after the position");

        assertThat(reader().read(Set.of(StatusPosted.class.getName()), before, position, 10))
                .extracting(event -> ((StatusPosted) event.getPayload()).statusId()).containsExactly(first, last);
        assertThat(reader().readSince(position)).extracting(TrackedEventMessage::getPayload)
                .filteredOn(StatusPosted.class::isInstance)
                .extracting(payload -> ((StatusPosted) payload).statusId()).containsExactly(late, next);
    }

    @Test
    void aPositionRemembersTheGapsBeforeIt() {
        User author = user("gaps");
        jdbc.queryForObject("SELECT nextval('domainevententry_globalindex_seq')", Long.class); // a rolled-back append
        long gap = jdbc.queryForObject("SELECT currval('domainevententry_globalindex_seq')", Long.class);
        postStatusId(author, "status", "after a gap");

        assertThat(reader().positionAt(head()).getGaps()).contains(gap);
        assertThat(reader().positionAt(head()).position()).hasValue(head());
    }
}
