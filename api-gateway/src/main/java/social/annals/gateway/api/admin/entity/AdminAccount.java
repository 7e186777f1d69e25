package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Pleroma 1.1's AdminAccount view; every account here is local. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdminAccount(
        String id,
        String nickname,
        boolean deactivated,
        boolean local,
        Roles roles,
        List<String> tags,
        String avatar,
        String displayName) {

    public record Roles(boolean admin, boolean moderator) {
    }
}
