package social.annals.gateway.federation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/** The ActivityStreams vocabulary and media types federation speaks. */
public final class ActivityStreams {

    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    public static final MediaType ACTIVITY_JSON = MediaType.parseMediaType("application/activity+json; charset=utf-8");
    public static final String LD_PROFILE = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    /** The context Mastodon and Pleroma send: the extensions we use named, so that JSON-LD processors agree. */
    public static final List<Object> CONTEXT = List.of("https://www.w3.org/ns/activitystreams",
            "https://w3id.org/security/v1", extensions());

    private ActivityStreams() {
    }

    private static Map<String, Object> extensions() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("manuallyApprovesFollowers", "as:manuallyApprovesFollowers");
        terms.put("sensitive", "as:sensitive");
        terms.put("Hashtag", "as:Hashtag");
        terms.put("toot", "http://joinmastodon.org/ns#");
        terms.put("discoverable", "toot:discoverable");
        terms.put("featured", Map.of("@id", "toot:featured", "@type", "@id"));
        terms.put("Emoji", "toot:Emoji");
        terms.put("ostatus", "http://ostatus.org#");
        terms.put("conversation", "ostatus:conversation");
        return Collections.unmodifiableMap(terms);
    }

    /**
     * Whether a request asks for ActivityPub rather than a web page: the AS2 media types, or plain
     * JSON, which Mastodon and Pleroma answer the same way. A browser's Accept names HTML first.
     */
    public static boolean wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            String subtype = type.getSubtype();
            if (type.getType().equals("text") && subtype.equals("html")) {
                return false;
            }
            if (type.getType().equals("application")
                    && (subtype.equals("activity+json") || subtype.equals("ld+json") || subtype.equals("json"))) {
                return true;
            }
        }
        return false;
    }
}
