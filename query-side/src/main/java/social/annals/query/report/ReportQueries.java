package social.annals.query.report;

import java.time.Instant;
import java.util.List;

/** Queries answered from the "reports" read model. */
public final class ReportQueries {

    private ReportQueries() {
    }

    public record ById(String reportId) {
    }

    /**
     * Reports in a state (null: any), newest first, paged by report id like Mastodon: before
     * {@code maxId}, after {@code sinceId}, or the oldest after {@code minId}.
     */
    public record Listed(String state, String maxId, String sinceId, String minId, int limit) {
    }

    /** {@code comment} is as the reporter wrote it, or null (none, or erased with the reporter's account). */
    public record Report(String reportId, String reporterId, String accountId, List<String> statusIds, String comment,
                         String state, Instant createdAt) {
    }
}
