package social.annals.command.imports;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.imports.ImportEntryResult;
import social.annals.events.imports.ImportKind;

public final class ImportCommands {

    private ImportCommands() {
    }

    /** Import {@code list} (raw text) for the account; answers the import's id, an existing one for a rerun. */
    public record Start(String importId, String accountId, ImportKind kind, String list) {

        @Override
        public String toString() {
            return "Start[importId=" + importId + ", accountId=" + accountId + ", kind=" + kind + "]";
        }
    }

    /** Results of the entries from {@code fromIndex} on; a batch already recorded is ignored. */
    public record RecordBatch(@TargetAggregateIdentifier String importId, int fromIndex,
                              List<ImportEntryResult> results) {
    }
}
