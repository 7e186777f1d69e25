package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import social.annals.events.status.StatusPosted;

/** {@link StatusPosted} revision 4 added {@code remote}: every status before it is local. */
public class StatusPostedRemoteUpcaster extends FieldAddedUpcaster {

    public StatusPostedRemoteUpcaster() {
        super(StatusPosted.class, "3", "4", "remote", JsonNodeFactory.instance.nullNode());
    }
}
