package social.annals.command.status;

import social.annals.command.DomainRefusal;

/** A reaction that cannot be added or removed; the message is Pleroma's. */
public class ReactionRefused extends DomainRefusal {

    public ReactionRefused(String message) {
        super(message);
    }
}
