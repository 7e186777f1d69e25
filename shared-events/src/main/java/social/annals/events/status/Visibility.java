package social.annals.events.status;

import java.util.Locale;
import java.util.Optional;

/** Who may see a status (Mastodon's four levels). */
public enum Visibility {
    PUBLIC, UNLISTED, PRIVATE, DIRECT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> fromApiName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Visibility visibility : values()) {
            if (visibility.apiName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(visibility);
            }
        }
        return Optional.empty();
    }
}
