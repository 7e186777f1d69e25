package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.springframework.stereotype.Component;
import social.annals.events.status.StatusReacted;

/** {@link StatusReacted} revision 2 added {@code emojiUrl}: every reaction before it was a Unicode emoji. */
@Component
public class StatusReactedEmojiUrlUpcaster extends FieldAddedUpcaster {

    public StatusReactedEmojiUrlUpcaster() {
        super(StatusReacted.class, null, "2", "emojiUrl", JsonNodeFactory.instance.nullNode());
    }
}
