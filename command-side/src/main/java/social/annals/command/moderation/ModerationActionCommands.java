package social.annals.command.moderation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.Moderator;

/**
 * Moderation actions that concern several accounts at once. Each is sent in the same
 * transaction as the changes it makes to those accounts, so neither exists without the other.
 */
public final class ModerationActionCommands {

    private ModerationActionCommands() {
    }

    public record RecordCreation(@TargetAggregateIdentifier String actionId, List<AccountRef> accounts,
                                 Moderator by) {
    }

    /** {@code add}: tag, otherwise untag. Tags are lower-cased and de-duplicated here. */
    public record Tag(@TargetAggregateIdentifier String actionId, List<AccountRef> accounts, List<String> tags,
                      boolean add, Moderator by) {
    }

    public record RecordRebuild(@TargetAggregateIdentifier String actionId, List<String> readModels, Moderator by) {
    }

    public record RecordForcedFollow(@TargetAggregateIdentifier String actionId, AccountRef follower,
                                     AccountRef followed, boolean follow, Moderator by) {
    }
}
