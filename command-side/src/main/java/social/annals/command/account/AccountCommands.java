package social.annals.command.account;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a local account's owner does to it: register it, change its credentials, its profile and its settings. */
public final class AccountCommands {

    private AccountCommands() {
    }

    /**
     * Register a local account. The password travels only in memory: the handler stores its hash.
     * {@code noteHtml} is the bio already rendered to HTML (mentions linked) by the caller.
     * Null fields mean "not given" so that validation can report them. Answers the account's id.
     */
    public record Register(
            @TargetAggregateIdentifier String accountId,
            String nickname,
            String email,
            String displayName,
            String bio,
            String noteHtml,
            String password,
            String passwordConfirmation,
            boolean confirmationPending) {

        @Override
        public String toString() {
            return "AccountCommands.Register[accountId=" + accountId + ", nickname=" + nickname + "]";
        }
    }

    /**
     * Give the account a signing key if it has none: accounts registered before federation get
     * theirs the first time they are asked for it. Changes nothing for a deleted account.
     */
    public record EnsureSigningKey(@TargetAggregateIdentifier String accountId) {
    }

    public record ChangeEmail(@TargetAggregateIdentifier String accountId, String email) {
    }

    /** The new password travels only in memory; the handler records its hash. */
    public record ChangePassword(@TargetAggregateIdentifier String accountId, String newPassword) {

        @Override
        public String toString() {
            return "AccountCommands.ChangePassword[accountId=" + accountId + "]";
        }
    }

    /** Change the public profile; a null field keeps its current value. */
    public record UpdateProfile(
            @TargetAggregateIdentifier String accountId,
            String displayName,
            String bio,
            String noteHtml,
            Boolean locked,
            Boolean hideFavorites) {
    }

    /** The switches to change; a null switch keeps its current value. */
    public record UpdateNotificationSettings(@TargetAggregateIdentifier String accountId, Boolean followers,
                                             Boolean follows, Boolean remote, Boolean local) {
    }

    public record ChangeFlavour(@TargetAggregateIdentifier String accountId, String flavour) {

        public static final String DEFAULT = "glitch";
        public static final Set<String> ALLOWED = Set.of("glitch", "vanilla");
    }
}
