package social.annals.gateway.federation;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Sanitises the HTML other servers send before it is stored: text formatting and links only
 * (http and https), the classes Mastodon and Pleroma use for mentions and hashtags kept, never a
 * script, style, image or event handler.
 */
public final class RemoteHtml {

    private static final Safelist ALLOWED = Safelist.basic()
            .addAttributes("a", "class", "rel")
            .addAttributes("span", "class")
            .removeProtocols("a", "href", "ftp", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private RemoteHtml() {
    }

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, ALLOWED);
    }

    /** The text only: names and content warnings are plain text. */
    public static String text(String html) {
        return html == null ? null : Jsoup.parse(html).text();
    }
}
