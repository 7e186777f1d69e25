package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeEmailCommand(@TargetAggregateIdentifier String accountId, String email) {
}
