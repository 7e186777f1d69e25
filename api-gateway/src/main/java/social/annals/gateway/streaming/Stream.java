package social.annals.gateway.streaming;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of Mastodon's streams a connection can follow: {@code user}, {@code user:notification},
 * {@code public}, {@code public:local}, {@code hashtag} and {@code hashtag:local} (with a tag),
 * {@code direct}. Every account here is local, so the local variants carry the same posts.
 */
public record Stream(String name, String tag) {

    private static final List<String> NAMES = List.of("user", "user:notification", "public", "public:local",
            "hashtag", "hashtag:local", "direct");

    /** The stream, or empty when the name is unknown or a hashtag stream comes without its tag. */
    public static Optional<Stream> of(String name, String tag) {
        if (name == null || !NAMES.contains(name)) {
            return Optional.empty();
        }
        boolean hashtag = name.startsWith("hashtag");
        String normalized = tag == null ? "" : tag.trim().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        if (hashtag && (normalized.isEmpty() || normalized.length() > 100)) {
            return Optional.empty();
        }
        return Optional.of(new Stream(name, hashtag ? normalized : null));
    }

    /** Streams of one's own home timeline, notifications or direct messages need a signed-in viewer. */
    public boolean needsViewer() {
        return name.startsWith("user") || name.equals("direct");
    }

    /** As Mastodon names it in every event: {@code ["hashtag","cats"]} or {@code ["user"]}. */
    public List<String> label() {
        return tag == null ? List.of(name) : List.of(name, tag);
    }
}
