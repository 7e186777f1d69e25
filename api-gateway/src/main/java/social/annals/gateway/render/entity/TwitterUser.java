package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The TwitterAPI user object of {@code /api/account/register} and {@code update_profile}, as
 * Pleroma 1.0 renders it. {@code role} and {@code show_role} are only shown to an admin or
 * moderator looking at their own account.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TwitterUser(
        String id,
        String screenName,
        String name,
        String nameHtml,
        String description,
        String descriptionHtml,
        String createdAt,
        int favouritesCount,
        int followersCount,
        int friendsCount,
        int statusesCount,
        boolean following,
        boolean followsYou,
        boolean statusnetBlocking,
        String profileImageUrl,
        String profileImageUrlHttps,
        String profileImageUrlProfileSize,
        String profileImageUrlOriginal,
        String coverPhoto,
        String backgroundImage,
        String statusnetProfileUrl,
        boolean isLocal,
        boolean locked,
        String defaultScope,
        boolean noRichText,
        boolean hideFollowers,
        boolean hideFollows,
        List<Field> fields,
        Rights rights,
        Pleroma pleroma,
        @JsonInclude(JsonInclude.Include.NON_NULL) String role,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean showRole) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rights(boolean deleteOthersNotice, boolean admin) {
    }

    /** {@code deactivated} is only shown to admins. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pleroma(boolean confirmationPending, List<String> tags,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deactivated) {
    }
}
