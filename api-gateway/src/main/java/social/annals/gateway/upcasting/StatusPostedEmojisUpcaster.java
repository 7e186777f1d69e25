package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import social.annals.events.status.StatusPosted;

/**
 * Event schema evolution: {@link StatusPosted} revision 2 added {@code emojis}. Statuses stored
 * before it (no revision) are read as revision 2 with no custom emoji, so the record never sees
 * the old shape. Upcasting works on the stored JSON before the personal data is decrypted, and
 * leaves those fields alone. Runs in {@link StatusPostedUpcasters}, before the next revision's step.
 */
public class StatusPostedEmojisUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType BEFORE = new SimpleSerializedType(StatusPosted.class.getName(), null);
    static final SimpleSerializedType AFTER = new SimpleSerializedType(StatusPosted.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(BEFORE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(AFTER, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            if (!upcast.has("emojis")) {
                upcast.putArray("emojis");
            }
            return upcast;
        });
    }
}
