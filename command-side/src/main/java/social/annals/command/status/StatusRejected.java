package social.annals.command.status;

import social.annals.command.DomainRefusal;

/** A status that cannot be posted (empty, too long); the message is Pleroma's. */
public class StatusRejected extends DomainRefusal {

    public StatusRejected(String message) {
        super(message);
    }
}
