package social.annals.gateway.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportEntryResult;
import social.annals.events.imports.ImportKind;
import social.annals.events.social.AccountFollowed;

class ImportEventsMovedUpcasterTest {

    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private static final String STARTED = "{\"importId\":\"I1\",\"accountId\":\"A1\",\"kind\":\"FOLLOW\","
            + "\"entries\":[\"lain\",\"alice@annals.test\"],\"listDigest\":\"d\",\"startedAt\":\"2026-11-01T00:00:00Z\"}";
    private static final String BATCH = "{\"importId\":\"I1\",\"accountId\":\"A1\",\"fromIndex\":0,"
            + "\"results\":[\"DONE\",\"NOT_FOUND\"],\"completed\":true,\"processedAt\":\"2026-11-01T00:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
    private final ImportEventsMovedUpcaster upcaster = new ImportEventsMovedUpcaster();

    private IntermediateEventRepresentation stored(String type, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("AccountListImport", "I1", 0,
                "event-1", "2026-11-01T00:00:00Z", type, null, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    private Object read(IntermediateEventRepresentation representation) {
        return serializer.deserialize(representation.getData());
    }

    @Test
    void anImportStoredUnderTheOldPackageIsReadAsTheMovedClasses() {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(
                stored("social.annals.events.social.AccountListImportStarted", STARTED),
                stored("social.annals.events.social.AccountListImportBatchProcessed", BATCH))).toList();

        assertThat(upcast).extracting(representation -> representation.getType().getName()).containsExactly(
                AccountListImportStarted.class.getName(), AccountListImportBatchProcessed.class.getName());
        assertThat(upcast).allSatisfy(representation -> assertThat(representation.getType().getRevision()).isNull());
        assertThat(read(upcast.get(0))).isEqualTo(new AccountListImportStarted("I1", "A1", ImportKind.FOLLOW,
                List.of("lain", "alice@annals.test"), "d", AT));
        assertThat(read(upcast.get(1))).isEqualTo(new AccountListImportBatchProcessed("I1", "A1", 0,
                List.of(ImportEntryResult.DONE, ImportEntryResult.NOT_FOUND), true, AT));
    }

    @Test
    void theValuesAnImportEventCarriesAreStoredAsJsonNotByClassName() throws Exception {
        String json = serializer.getObjectMapper().writeValueAsString(new AccountListImportBatchProcessed("I1", "A1",
                0, List.of(ImportEntryResult.DONE), true, AT));
        assertThat(json).contains("\"results\":[\"DONE\"]").doesNotContain("social.annals");
    }

    @Test
    void otherEventsAreLeftAlone() {
        IntermediateEventRepresentation follow = stored(AccountFollowed.class.getName(), "{}");
        IntermediateEventRepresentation current = stored(AccountListImportStarted.class.getName(), STARTED);
        assertThat(upcaster.upcast(Stream.of(follow, current)).toList()).containsExactly(follow, current);
    }
}
