package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import social.annals.events.status.StatusPosted;

/** {@link StatusPosted} revision 4 added {@code remote}: every status before it is local. */
public class StatusPostedRemoteUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType AFTER = new SimpleSerializedType(StatusPosted.class.getName(), "4");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(StatusPostedMediaUpcaster.AFTER);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(AFTER, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            if (!upcast.has("remote")) {
                upcast.putNull("remote");
            }
            return upcast;
        });
    }
}
