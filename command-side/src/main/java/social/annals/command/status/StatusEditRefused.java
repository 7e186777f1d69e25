package social.annals.command.status;

import social.annals.command.DomainRefusal;

/** An edit of a status by someone other than its remote author, or of a status already gone. */
public class StatusEditRefused extends DomainRefusal {

    public StatusEditRefused() {
        super("Only its author edits a status");
    }
}
