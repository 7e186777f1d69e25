package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One revision step of an event that gained a field: a payload stored at the earlier revision is
 * read at the next with the field's value for events before it. Works on the stored JSON, before
 * personal data is decrypted, and leaves those fields alone.
 */
abstract class FieldAddedUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType before;
    private final SimpleSerializedType after;
    private final String field;
    private final JsonNode valueBefore;

    FieldAddedUpcaster(Class<?> event, String fromRevision, String toRevision, String field, JsonNode valueBefore) {
        this.before = new SimpleSerializedType(event.getName(), fromRevision);
        this.after = new SimpleSerializedType(event.getName(), toRevision);
        this.field = field;
        this.valueBefore = valueBefore;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(before);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(after, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            if (!upcast.has(field)) {
                upcast.set(field, valueBefore.deepCopy());
            }
            return upcast;
        });
    }
}
