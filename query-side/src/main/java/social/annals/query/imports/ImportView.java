package social.annals.query.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An import job: progress, counts by result, and (when asked for) every entry's result. */
public record ImportView(String importId, String kind, int total, int processed, boolean completed,
                         Map<String, Integer> results, Instant startedAt, Instant updatedAt, List<Entry> entries) {

    /** {@code result} is null while the entry waits. */
    public record Entry(String entry, String result) {
    }

    /** One job of the account, with its entries. */
    public record ById(String importId, String accountId) {
    }

    /** The account's jobs of one kind, newest first, without entries. */
    public record ForAccount(String accountId, String kind, int limit) {
    }
}
