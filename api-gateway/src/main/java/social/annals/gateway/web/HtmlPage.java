package social.annals.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The few server-rendered pages (OAuth login, password reset): a minimal document around a body. */
public final class HtmlPage {

    private HtmlPage() {
    }

    public static ResponseEntity<String> of(HttpStatus status, String body) {
        String document = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Annals</title>"
                + "</head><body>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(document);
    }

    public static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
