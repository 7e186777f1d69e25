package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Pleroma's part of an account's source: filled for the account itself, {@code {}} for anyone else. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourcePleroma(Boolean showRole, Boolean noRichText) {

    public static final SourcePleroma NONE = new SourcePleroma(null, null);
}
