package social.annals.command.account;

import social.annals.command.DomainRefusal;

/** A moderation action that cannot apply to its target; the message is the admin API's 400 text. */
public class ModerationRefused extends DomainRefusal {

    public ModerationRefused(String message) {
        super(message);
    }
}
