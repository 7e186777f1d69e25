package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How far an account's deletion has got (beyond Pleroma): {@code state} {@code running} or
 * {@code completed}, {@code progress} from 0 to 1 by the statuses deleted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountDeletion(
        String id,
        String nickname,
        String state,
        int relationshipsSevered,
        int statusesDeleted,
        int statusesRemaining,
        double progress,
        String startedAt,
        String updatedAt) {
}
