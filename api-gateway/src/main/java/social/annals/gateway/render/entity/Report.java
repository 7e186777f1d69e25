package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Mastodon's Report as its reporter gets it back: nothing has been done about it yet. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Report(String id, boolean actionTaken) {
}
