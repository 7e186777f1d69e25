package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An account's source: the bio as written; {@code privacy} (the default visibility) only for the account itself. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Source(
        String note,
        boolean sensitive,
        String language,
        List<Field> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) String privacy,
        SourcePleroma pleroma) {
}
