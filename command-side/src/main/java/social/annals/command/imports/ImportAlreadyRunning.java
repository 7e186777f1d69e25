package social.annals.command.imports;

import social.annals.command.DomainRefusal;

/** An unfinished import of the same list by the same account committed first. */
public class ImportAlreadyRunning extends DomainRefusal {

    public ImportAlreadyRunning() {
        super("An import of this list is already running");
    }
}
