package social.annals.events.status;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * A status: a local one, or one of another server ({@code remote} says where from; revision 4). The text as written and its HTML are personal data of the author; mentions
 * are the local accounts it addresses (they, the author and, by visibility, followers or
 * everybody may see it). {@code conversationId} is the id of the thread's first status; {@code emojis} the custom emoji
 * its text used, as they were when it was posted (revision 2), and {@code mediaIds} its attachments
 * (revision 3); older statuses are upcast with none. A local status has no {@code remote}.
 */
@Revision("4")
public record StatusPosted(
        String statusId,
        @DataSubject String authorId,
        @PersonalData String text,
        @PersonalData String contentHtml,
        @PersonalData String spoilerText,
        Visibility visibility,
        boolean sensitive,
        String inReplyToId,
        String inReplyToAccountId,
        String conversationId,
        List<String> mentionedIds,
        List<String> tags,
        List<CustomEmoji> emojis,
        List<String> mediaIds,
        String applicationName,
        Instant postedAt,
        RemoteOrigin remote) {

    public StatusPosted {
        emojis = List.copyOf(emojis);
        mediaIds = List.copyOf(mediaIds);
    }

    public boolean local() {
        return remote == null;
    }
}
