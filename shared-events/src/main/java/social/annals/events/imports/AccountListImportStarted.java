package social.annals.events.imports;

import java.time.Instant;
import java.util.List;

/** An account list to import, parsed and deduplicated; {@code listDigest} identifies its content. */
public record AccountListImportStarted(String importId, String accountId, ImportKind kind, List<String> entries,
                                       String listDigest, Instant startedAt) {
}
