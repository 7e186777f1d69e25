package social.annals.command.federation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.federation.RemoteProfile;

/** What we learn about accounts of other servers. */
public final class RemoteAccountCommands {

    private RemoteAccountCommands() {
    }

    /**
     * Know the actor as an account here: a new one under {@code newAccountId}, or, when its actor
     * URI is known already, the existing one, its profile refreshed. Answers the account's id.
     */
    public record Discover(String newAccountId, RemoteProfile profile) {
    }

    /** The actor deleted itself; deleting it again changes nothing. */
    public record Delete(@TargetAggregateIdentifier String accountId) {
    }

    /** Record the actor's profile as fetched or sent now; nothing is recorded when it did not change. */
    public record Refresh(@TargetAggregateIdentifier String accountId, RemoteProfile profile) {
    }
}
