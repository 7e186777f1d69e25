package social.annals.events.status;

import java.time.Instant;
import java.util.List;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * A status of another server changed by its author (an {@code Update} of its Note): what it says
 * now, as {@link StatusPosted} has it. Who it addresses, its thread and its visibility stay as they
 * were, as on Mastodon.
 */
public record RemoteStatusEdited(
        String statusId,
        @DataSubject String authorId,
        @PersonalData String text,
        @PersonalData String contentHtml,
        @PersonalData String spoilerText,
        boolean sensitive,
        List<String> tags,
        List<CustomEmoji> emojis,
        List<RemoteOrigin.RemoteAttachment> attachments,
        Instant editedAt) {

    public RemoteStatusEdited {
        tags = List.copyOf(tags);
        emojis = List.copyOf(emojis);
        attachments = List.copyOf(attachments);
    }
}
