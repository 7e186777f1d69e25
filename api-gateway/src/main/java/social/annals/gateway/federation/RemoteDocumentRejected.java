package social.annals.gateway.federation;

/** A document another server sent or served that cannot be used: unreachable, malformed, or not what it claims. */
public class RemoteDocumentRejected extends RuntimeException {

    public RemoteDocumentRejected(String message) {
        super(message, null, false, false);
    }

    public RemoteDocumentRejected(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
