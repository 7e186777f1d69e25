package social.annals.gateway.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.status.StatusPosted;
import social.annals.gateway.support.ApiTest;

/** The event store reads events of an older schema through the registered upcasters. */
class UpcastingInTheEventStoreTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void aStatusStoredInTheFirstSchemaIsReadWithNoEmojis() {
        User author = user("oldtimer");
        // No custom emoji in it, so the rewritten event still means what was posted (other tests rebuild).
        String status = postStatusId(author, "status", "from before custom emoji");
        // Turn the stored event into what the first schema wrote: no revision, no emojis.
        int rewritten = jdbc.update("UPDATE domainevententry SET payloadrevision = NULL, payload = convert_to("
                + "(convert_from(payload, 'UTF8')::jsonb - 'emojis')::text, 'UTF8') WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", status, StatusPosted.class.getName());
        assertThat(rewritten).isEqualTo(1);

        StatusPosted posted = (StatusPosted) eventStore.readEvents(status).asStream().findFirst().orElseThrow()
                .getPayload();
        assertThat(posted.emojis()).isEmpty();
        assertThat(posted.text()).isEqualTo("from before custom emoji");
    }
}
