package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A follow, block or mute import job: {@code state} {@code running} or {@code completed},
 * {@code progress} from 0 to 1, and how many entries ended how. {@code entries} (each entry's
 * result) is only part of one job's answer, not of the list of jobs.
 *
 * @param results counts by result name ({@code followed}, {@code already_followed},
 *                {@code not_found}…; the names depend on the kind of import), in a fixed order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportJob(
        String id,
        String type,
        String state,
        int total,
        int processed,
        double progress,
        Map<String, Integer> results,
        String startedAt,
        String updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Entry> entries) {

    /** One line of the list and what became of it ({@code pending} until it is processed). */
    public record Entry(String entry, String result) {
    }
}
