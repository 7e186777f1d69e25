package social.annals.command.status;

import social.annals.command.DomainRefusal;

/** Not the author (nor a moderator), or the status is already gone. */
public class StatusDeleteRefused extends DomainRefusal {

    public StatusDeleteRefused() {
        super("Can't delete this post");
    }
}
