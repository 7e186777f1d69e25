package social.annals.gateway.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.stereotype.Component;

/** The {@code StatusPosted} revisions, one step at a time and in order: none → 2 → 3 → 4. */
@Component
public class StatusPostedUpcasters extends EventUpcasterChain {

    public StatusPostedUpcasters() {
        super(new StatusPostedEmojisUpcaster(), new StatusPostedMediaUpcaster(), new StatusPostedRemoteUpcaster());
    }
}
