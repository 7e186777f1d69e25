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
import social.annals.events.report.ReportFiled;

class ReportFiledForwardUpcasterTest {

    private static final String BEFORE_FORWARD = "{\"reportId\":\"P1\",\"reporterId\":\"U1\",\"accountId\":\"A1\","
            + "\"statusIds\":[\"S1\"],\"comment\":\"enc:x\",\"filedAt\":\"2026-11-01T00:00:00Z\"}";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final ReportFiledForwardUpcaster upcaster = new ReportFiledForwardUpcaster();

    private IntermediateEventRepresentation stored(String payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Report", "P1", 0, "event-1",
                "2026-11-01T00:00:00Z", ReportFiled.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    @Test
    void aReportFiledBeforeForwardingIsReadAsRevisionTwoNotForwarded() {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored(BEFORE_FORWARD, null)))
                .toList();
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        String payload = new String(upcast.get(0).getData(byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"forward\":false").contains("\"comment\":\"enc:x\"");
    }

    @Test
    void aCurrentReportIsLeftAlone() {
        IntermediateEventRepresentation current = stored(BEFORE_FORWARD.replace("}", ",\"forward\":true}"), "2");
        assertThat(upcaster.upcast(Stream.of(current)).toList()).containsExactly(current);
    }
}
