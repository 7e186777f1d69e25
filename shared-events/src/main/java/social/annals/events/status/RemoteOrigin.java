package social.annals.events.status;

import java.util.List;

/**
 * Where a status of another server comes from: its ActivityPub id, the page its server shows it
 * on, and its attachments as that server serves them (we keep links, not copies).
 */
public record RemoteOrigin(String uri, String url, List<RemoteAttachment> attachments) {

    public RemoteOrigin {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public record RemoteAttachment(String url, String mediaType, String description) {
    }
}
