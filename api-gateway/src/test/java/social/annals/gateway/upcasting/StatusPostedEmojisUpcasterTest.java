package social.annals.gateway.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import social.annals.events.status.StatusPosted;

class StatusPostedEmojisUpcasterTest {

    private static final String BEFORE_EMOJIS = "{\"statusId\":\"S1\",\"authorId\":\"A1\",\"text\":\"enc:x\","
            + "\"contentHtml\":\"enc:y\",\"spoilerText\":\"enc:z\",\"visibility\":\"PUBLIC\",\"sensitive\":false,"
            + "\"inReplyToId\":null,\"inReplyToAccountId\":null,\"conversationId\":\"S1\",\"mentionedIds\":[],"
            + "\"tags\":[],\"applicationName\":\"Web\",\"postedAt\":\"2026-11-01T00:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final StatusPostedEmojisUpcaster upcaster = new StatusPostedEmojisUpcaster();

    private IntermediateEventRepresentation stored(String payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Status", "S1", 0, "event-1",
                "2026-11-01T00:00:00Z", StatusPosted.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    @Test
    void aStatusStoredBeforeCustomEmojiIsReadAsRevisionTwoWithNone() {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored(BEFORE_EMOJIS, null))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        String payload = new String(upcast.get(0).getData(byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"emojis\":[]").contains("\"text\":\"enc:x\"");
    }

    @Test
    void theChainTakesAFirstSchemaStatusToTheCurrentRevision() {
        List<IntermediateEventRepresentation> upcast = new StatusPostedUpcasters()
                .upcast(Stream.of(stored(BEFORE_EMOJIS, null))).toList();
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("4");
        String payload = new String(upcast.get(0).getData(byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"emojis\":[]").contains("\"mediaIds\":[]").contains("\"remote\":null");
    }

    @Test
    void aCurrentStatusIsLeftAlone() {
        IntermediateEventRepresentation current = stored(BEFORE_EMOJIS.replace("}",
                ",\"emojis\":[],\"mediaIds\":[],\"remote\":null}"), "4");
        assertThat(new StatusPostedUpcasters().upcast(Stream.of(current)).toList()).containsExactly(current);
    }
}
