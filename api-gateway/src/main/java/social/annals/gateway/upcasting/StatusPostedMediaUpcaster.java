package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import social.annals.events.status.StatusPosted;

/** {@link StatusPosted} revision 3 added {@code mediaIds}: a revision 2 status has no attachments. */
public class StatusPostedMediaUpcaster extends FieldAddedUpcaster {

    public StatusPostedMediaUpcaster() {
        super(StatusPosted.class, "2", "3", "mediaIds", JsonNodeFactory.instance.arrayNode());
    }
}
