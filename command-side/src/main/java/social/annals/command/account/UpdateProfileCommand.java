package social.annals.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the public profile; a null field keeps its current value. */
public record UpdateProfileCommand(
        @TargetAggregateIdentifier String accountId,
        String displayName,
        String bio,
        String noteHtml,
        Boolean locked,
        Boolean hideFavorites) {
}
