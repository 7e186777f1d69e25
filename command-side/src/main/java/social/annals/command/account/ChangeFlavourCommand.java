package social.annals.command.account;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeFlavourCommand(@TargetAggregateIdentifier String accountId, String flavour) {

    public static final String DEFAULT = "glitch";
    public static final Set<String> ALLOWED = Set.of("glitch", "vanilla");
}
