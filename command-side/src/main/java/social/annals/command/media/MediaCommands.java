package social.annals.command.media;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class MediaCommands {

    private MediaCommands() {
    }

    /**
     * Record a file uploaded by {@code ownerId}, who owns it. The caller has stored the bytes, in
     * the same transaction.
     */
    public record Upload(@TargetAggregateIdentifier String mediaId, String ownerId, String mimeType, long size,
                         String description) {
    }
}
