package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A hashtag (Mastodon's Tag). {@code history}, the use by day, is only part of a search result;
 * no such counts are kept, so it is empty there and left out elsewhere.
 */
public record Tag(String name, String url, @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> history) {
}
