package social.annals.gateway.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportEntryResult;
import social.annals.gateway.support.ApiTest;

/** Imports recorded before their events moved to {@code events.imports} still load, as the moved classes. */
class ImportEventsStoredUnderTheirOldNamesTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    private List<Object> payloads(String importId) {
        return eventStore.readEvents(importId).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    @Test
    void anImportStoredUnderTheOldEventNamesIsReadAsBefore() {
        User importer = user("oldimporter");
        User followed = user("oldfollowed");
        assertThat(http.postForm("/api/pleroma/follow_import", List.of("list", followed.nickname()),
                "Authorization", importer.bearer()).status()).isEqualTo(200);
        String importId = eventually(() -> jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry "
                        + "WHERE payloadtype = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'accountId' = ?",
                        String.class, AccountListImportBatchProcessed.class.getName(), importer.id()),
                found -> !found.isEmpty(), "the import's batch").get(0);
        List<Object> recorded = payloads(importId);
        assertThat(recorded).hasSize(2);
        assertThat(((AccountListImportBatchProcessed) recorded.get(1)).results())
                .containsExactly(ImportEntryResult.DONE);

        // Store the import's events under the names they had before they moved.
        int renamed = jdbc.update("UPDATE domainevententry SET payloadtype = "
                + "replace(payloadtype, 'social.annals.events.imports.', 'social.annals.events.social.') "
                + "WHERE aggregateidentifier = ?", importId);
        assertThat(renamed).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, importId)).containsExactly(
                "social.annals.events.social.AccountListImportStarted",
                "social.annals.events.social.AccountListImportBatchProcessed");

        List<Object> read = payloads(importId);
        assertThat(read.get(0)).isInstanceOf(AccountListImportStarted.class);
        assertThat(read).isEqualTo(recorded);
    }
}
