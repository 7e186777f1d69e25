package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The switches to change; a null switch keeps its current value. */
public record UpdateNotificationSettingsCommand(@TargetAggregateIdentifier String accountId, Boolean followers,
                                                Boolean follows, Boolean remote, Boolean local) {
}
