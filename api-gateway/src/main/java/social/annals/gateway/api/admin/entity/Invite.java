package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Pleroma's registration invite: {@code expires_at} a date ({@code YYYY-MM-DD}) or null,
 * {@code max_use} null for no limit, {@code invite_type} from the two.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Invite(
        long id,
        String token,
        boolean used,
        String expiresAt,
        int uses,
        Integer maxUse,
        String inviteType) {
}
