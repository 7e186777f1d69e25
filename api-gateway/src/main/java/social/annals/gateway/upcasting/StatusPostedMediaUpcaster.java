package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import social.annals.events.status.StatusPosted;

/** {@link StatusPosted} revision 3 added {@code mediaIds}: a revision 2 status has no attachments. */
public class StatusPostedMediaUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType AFTER = new SimpleSerializedType(StatusPosted.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(StatusPostedEmojisUpcaster.AFTER);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(AFTER, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            if (!upcast.has("mediaIds")) {
                upcast.putArray("mediaIds");
            }
            return upcast;
        });
    }
}
