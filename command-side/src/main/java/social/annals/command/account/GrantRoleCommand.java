package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.account.AccountRole;

public record GrantRoleCommand(@TargetAggregateIdentifier String accountId, AccountRole role, String grantedBy) {
}
