package social.annals.command.status;

import social.annals.command.DomainRefusal;

/** A pin that cannot be made; the message is Pleroma's. */
public class PinRefused extends DomainRefusal {

    public PinRefused(String message) {
        super(message);
    }
}
