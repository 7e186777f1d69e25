package social.annals.events.media;

import java.time.Instant;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * An account uploaded a file to attach to its statuses. The bytes are kept outside the log (the
 * media store); the event records what the file is, and the owner's description of it.
 */
public record MediaUploaded(String mediaId, @DataSubject String ownerId, String mimeType, long size,
                            @PersonalData String description, Instant uploadedAt) {
}
