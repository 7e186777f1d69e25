package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.account.AccountDeletionProgressed.Phase;

public final class AccountDeletionCommands {

    private AccountDeletionCommands() {
    }

    /** Deactivate the account and start deleting it; repeating it while or after it runs changes nothing. */
    public record Delete(@TargetAggregateIdentifier String accountId, String requestedBy) {
    }

    /** Record a batch done by the deletion process; a batch at or before the recorded cursor is ignored. */
    public record RecordProgress(@TargetAggregateIdentifier String accountId, Phase phase, String cursor,
                                 int relationshipsSevered, int statusesDeleted, int statusesRemaining) {
    }

    public record Complete(@TargetAggregateIdentifier String accountId) {
    }
}
