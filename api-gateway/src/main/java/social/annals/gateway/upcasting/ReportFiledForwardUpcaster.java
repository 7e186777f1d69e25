package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import social.annals.events.report.ReportFiled;

/** {@link ReportFiled} revision 2 added {@code forward}: no report before it asked to be forwarded. */
@Component
public class ReportFiledForwardUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType BEFORE = new SimpleSerializedType(ReportFiled.class.getName(), null);
    static final SimpleSerializedType AFTER = new SimpleSerializedType(ReportFiled.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(BEFORE);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(AFTER, JsonNode.class, payload -> {
            ObjectNode upcast = payload.deepCopy();
            upcast.put("forward", false);
            return upcast;
        });
    }
}
