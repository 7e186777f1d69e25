package social.annals.events.imports;

import java.time.Instant;
import java.util.List;

/** Entries {@code fromIndex} onwards were processed, one result per entry, in list order. */
public record AccountListImportBatchProcessed(String importId, String accountId, int fromIndex,
                                              List<ImportEntryResult> results, boolean completed, Instant processedAt) {
}
