package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The new password travels only in memory; the handler records its hash. */
public record ChangePasswordCommand(@TargetAggregateIdentifier String accountId, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordCommand[accountId=" + accountId + "]";
    }
}
