package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.account.AccountRole;
import social.annals.events.moderation.Moderator;

/** What a moderator does to one account. */
public final class ModerationCommands {

    private ModerationCommands() {
    }

    /** {@code grantedBy} is the acting admin's nickname; recorded even when the role is held. */
    public record GrantRole(@TargetAggregateIdentifier String accountId, AccountRole role, String grantedBy) {
    }

    /** {@code revokedBy} is the acting admin's nickname, as {@link GrantRole}'s grantedBy. */
    public record RevokeRole(@TargetAggregateIdentifier String accountId, AccountRole role, String revokedBy) {
    }

    /** Activate ({@code active} true) or deactivate; recorded even when the account already is so. */
    public record SetActivation(@TargetAggregateIdentifier String accountId, boolean active, Moderator by) {
    }

    public record ToggleActivation(@TargetAggregateIdentifier String accountId, Moderator by) {
    }
}
