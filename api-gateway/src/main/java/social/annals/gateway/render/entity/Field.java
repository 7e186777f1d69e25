package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A profile metadata field (Mastodon's Field). Profiles here have none yet: lists of them are empty. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Field(String name, String value, String verifiedAt) {
}
