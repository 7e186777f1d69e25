package social.annals.command.oauth;

import social.annals.command.DomainRefusal;

/** A token grant or exchange the server refuses (unknown, revoked or foreign credentials). */
public class InvalidGrant extends DomainRefusal {

    public InvalidGrant() {
        super("Invalid credentials");
    }
}
