package social.annals.command.federation;

import social.annals.command.DomainRefusal;

/** Something another server sent that cannot be taken as it is. */
public class FederationRefused extends DomainRefusal {

    public FederationRefused(String message) {
        super(message);
    }
}
