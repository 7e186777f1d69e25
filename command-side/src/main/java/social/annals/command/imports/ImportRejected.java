package social.annals.command.imports;

import social.annals.command.DomainRefusal;

public class ImportRejected extends DomainRefusal {

    public ImportRejected(String message) {
        super(message);
    }
}
