package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import social.annals.gateway.render.entity.EmptyObject;
import social.annals.gateway.render.entity.Status;

/**
 * Pleroma 1.1's Report in the admin API: the reported account and the reporter ({@code actor}),
 * each {@code {}} when it no longer exists, the comment HTML-escaped, the reported statuses that
 * still exist whatever their visibility.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AdminReport(
        String id,
        String state,
        String content,
        String createdAt,
        @JsonSerialize(nullsUsing = EmptyObject.class) ReportedAccount account,
        @JsonSerialize(nullsUsing = EmptyObject.class) ReportedAccount actor,
        List<Status> statuses) {
}
