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
import social.annals.events.status.StatusReacted;

class StatusReactedEmojiUrlUpcasterTest {

    private static final String UNICODE_ONLY = "{\"accountId\":\"B\",\"statusId\":\"S1\",\"statusAuthorId\":\"A\","
            + "\"emoji\":\"🔥\",\"reactedAt\":\"2026-11-01T00:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final StatusReactedEmojiUrlUpcaster upcaster = new StatusReactedEmojiUrlUpcaster();

    private IntermediateEventRepresentation stored(String payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Reaction", "r1", 0, "event-1",
                "2026-11-01T00:00:00Z", StatusReacted.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    @Test
    void aReactionFromBeforeCustomEmojiIsReadAsRevisionTwoWithoutAnImage() {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored(UNICODE_ONLY, null))).toList();
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        String payload = new String(upcast.get(0).getData(byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"emojiUrl\":null").contains("\"accountId\":\"B\"");
    }

    @Test
    void aCurrentReactionIsLeftAlone() {
        IntermediateEventRepresentation current = stored(UNICODE_ONLY.replace("}", ",\"emojiUrl\":null}"), "2");
        assertThat(upcaster.upcast(Stream.of(current)).toList()).containsExactly(current);
    }
}
