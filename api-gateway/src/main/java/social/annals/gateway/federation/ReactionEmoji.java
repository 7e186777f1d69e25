package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/**
 * The emoji of a Pleroma {@code EmojiReact} (or of its {@code Undo}): a Unicode emoji as it is, or
 * a custom emoji of the sender's server ({@code :blobcat:} with an {@code Emoji} tag giving its
 * image), named {@code blobcat@host} here as Pleroma names other servers' emoji.
 */
record ReactionEmoji(String name, String url) {

    private static final Pattern SHORTCODE = Pattern.compile(":([A-Za-z0-9_]{1,64}):");

    /** The reaction's emoji, or null when it names a custom emoji without telling where its image is. */
    static ReactionEmoji of(JsonNode reaction, RemoteActor sender) {
        String content = ActorDocumentReader.text(reaction, "content");
        if (content == null) {
            return null;
        }
        Matcher custom = SHORTCODE.matcher(content.strip());
        if (!custom.matches()) {
            return new ReactionEmoji(content, null);
        }
        String shortcode = custom.group(1);
        for (JsonNode tag : RemoteNotes.array(reaction.get("tag"))) {
            String name = ActorDocumentReader.text(tag, "name");
            String icon = ActorDocumentReader.link(tag.get("icon"));
            if ("Emoji".equals(ActorDocumentReader.text(tag, "type")) && icon != null && name != null
                    && name.replace(":", "").equals(shortcode)) {
                return new ReactionEmoji(shortcode + "@" + sender.host(), icon);
            }
        }
        return null;
    }
}
