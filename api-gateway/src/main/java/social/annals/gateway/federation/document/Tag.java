package social.annals.gateway.federation.document;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A {@code tag} entry: {@code Mention} and {@code Hashtag} link, {@code Emoji} carries its image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tag(String type, String href, String name, String id, Image icon, String updated) {

    public static Tag mention(String actor, String acct) {
        return new Tag("Mention", actor, "@" + acct, null, null, null);
    }

    public static Tag hashtag(String url, String tag) {
        return new Tag("Hashtag", url, "#" + tag, null, null, null);
    }

    public static Tag emoji(String shortcode, String imageUrl) {
        return new Tag("Emoji", null, ":" + shortcode + ":", imageUrl, new Image("Image", imageUrl, null), null);
    }
}
