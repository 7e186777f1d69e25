package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a read model is in the event log (beyond Pleroma): its position, the log's head, how far
 * behind it is, {@code state} {@code live} or {@code rebuilding}; while it is rebuilt, how far the
 * rebuild has got follows in the same object.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReadModelProgress(
        String name,
        long position,
        long head,
        long lag,
        String state,
        @JsonUnwrapped Rebuild rebuild) {

    /** A rebuild's progress from 0 to 1, its speed and the seconds left, each null until it can be told. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rebuild(Double progress, Long eventsPerSecond, Long etaSeconds) {
    }
}
