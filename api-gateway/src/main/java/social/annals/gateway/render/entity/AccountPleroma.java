package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * Pleroma's extension of an Account. {@code relationship} is the viewer's relationship to the
 * account, {@code {}} without one (anonymous, or inside a status); {@code notification_settings}
 * is only shown to the account itself.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountPleroma(
        boolean confirmationPending,
        List<String> tags,
        boolean isAdmin,
        boolean isModerator,
        @JsonSerialize(nullsUsing = EmptyObject.class) Relationship relationship,
        boolean hideFollowers,
        boolean hideFollows,
        boolean hideFavorites,
        boolean skipThreadContainment,
        String backgroundImage,
        boolean deactivated,
        boolean allowFollowingMove,
        @JsonInclude(JsonInclude.Include.NON_NULL) NotificationSettings notificationSettings) {
}
