package social.annals.command.invite;

import social.annals.command.DomainRefusal;

/** The invite exists but is used up, revoked or past its date: Pleroma's "Expired token". */
public class InviteExpired extends DomainRefusal {

    public InviteExpired() {
        super("Expired token");
    }
}
