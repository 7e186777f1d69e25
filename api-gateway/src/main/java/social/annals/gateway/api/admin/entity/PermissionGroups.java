package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An account's permission groups. Listing them answers both; granting or revoking one answers
 * only that one, as Pleroma does.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PermissionGroups(Boolean isAdmin, Boolean isModerator) {

    /** Only {@code group} ({@code admin} or {@code moderator}), with its new value. */
    public static PermissionGroups only(String group, boolean value) {
        return switch (group) {
            case "admin" -> new PermissionGroups(value, null);
            case "moderator" -> new PermissionGroups(null, value);
            default -> throw new IllegalArgumentException("no permission group " + group);
        };
    }
}
