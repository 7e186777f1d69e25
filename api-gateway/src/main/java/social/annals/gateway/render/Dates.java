package social.annals.gateway.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Pleroma's timestamp formats. */
public final class Dates {

    private static final DateTimeFormatter MASTODON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TWITTER =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss '+0000' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** ISO-8601 UTC with the fraction forced to {@code .000}. */
    public static String mastodon(Instant instant) {
        return MASTODON.format(instant);
    }

    /** {@code Tue Dec 18 16:55:56 +0000 2018}. */
    public static String twitter(Instant instant) {
        return TWITTER.format(instant);
    }
}
