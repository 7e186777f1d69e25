package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import social.annals.events.status.StatusPosted;

/**
 * Event schema evolution: {@link StatusPosted} revision 2 added {@code emojis}. Statuses stored
 * before it (no revision) are read as revision 2 with no custom emoji, so the record never sees
 * the old shape. Runs in {@link StatusPostedUpcasters}, before the next revision's step.
 */
public class StatusPostedEmojisUpcaster extends FieldAddedUpcaster {

    public StatusPostedEmojisUpcaster() {
        super(StatusPosted.class, null, "2", "emojis", JsonNodeFactory.instance.arrayNode());
    }
}
