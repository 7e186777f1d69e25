package social.annals.command.account;

import social.annals.command.DomainRefusal;

public class FlavourRejected extends DomainRefusal {

    public FlavourRejected() {
        super("Unsupported flavour");
    }
}
