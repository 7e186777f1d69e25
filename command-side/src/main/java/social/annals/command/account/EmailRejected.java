package social.annals.command.account;

import social.annals.command.DomainRefusal;

/** A new e-mail address that is malformed or taken; the message is Pleroma's. */
public class EmailRejected extends DomainRefusal {

    public EmailRejected(String message) {
        super(message);
    }
}
