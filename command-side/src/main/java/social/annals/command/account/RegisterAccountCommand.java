package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a local account. The password travels only in memory: the handler stores its hash.
 * {@code noteHtml} is the bio already rendered to HTML (mentions linked) by the caller.
 * Null fields mean "not given" so that validation can report them.
 */
public record RegisterAccountCommand(
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
        return "RegisterAccountCommand[accountId=" + accountId + ", nickname=" + nickname + "]";
    }
}
