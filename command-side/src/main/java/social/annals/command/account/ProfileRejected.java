package social.annals.command.account;

import social.annals.command.DomainRefusal;

/** A profile change broke a field rule; the message is Pleroma's field-joined text. */
public class ProfileRejected extends DomainRefusal {

    public ProfileRejected(String message) {
        super(message);
    }
}
