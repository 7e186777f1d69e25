package social.annals.command;

/** A command the domain declined. The gateway maps each subtype to Pleroma's status and body. */
public abstract class DomainRefusal extends RuntimeException {

    protected DomainRefusal(String message) {
        super(message, null, false, false);
    }
}
