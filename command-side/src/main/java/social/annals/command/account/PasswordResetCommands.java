package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class PasswordResetCommands {

    private PasswordResetCommands() {
    }

    public record Issue(@TargetAggregateIdentifier String accountId, String tokenDigest, String issuedBy) {
    }

    /** Set a new password with a reset token; refused when the token is not one of the account's unused ones. */
    public record Reset(@TargetAggregateIdentifier String accountId, String tokenDigest, String newPassword) {

        @Override
        public String toString() {
            return "PasswordResetCommands.Reset[accountId=" + accountId + "]";
        }
    }
}
