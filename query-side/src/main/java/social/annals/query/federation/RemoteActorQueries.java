package social.annals.query.federation;

import java.util.Collection;

/** Queries answered from the "remote-actors" read model. */
public final class RemoteActorQueries {

    private RemoteActorQueries() {
    }

    /** The actor whose key has this id, or null. */
    public record ByKeyId(String keyId) {
    }

    /** The actor with this ActivityPub id, or null. */
    public record ByActorUri(String actorUri) {
    }

    /** The remote actors among these accounts; local accounts are not in this read model. */
    public record ByAccountIds(Collection<String> accountIds) {
    }

    /** Where to deliver what the account publishes to its followers: each remote follower's server, once. */
    public record FollowerInboxes(String accountId) {
    }

    /** Whether any local account follows this account: then what it posts is wanted here. */
    public record HasLocalFollowers(String accountId) {
    }

    /** The hosts of every remote actor we know, alphabetically. */
    public record Hosts() {
    }

    /** Every server's inbox we know (its shared inbox, or each actor's own), once: where an account's deletion goes. */
    public record KnownInboxes() {
    }

    /** Each host we know with the number of its accounts we know, by host. */
    public record AccountsByHost() {
    }

    public record HostAccounts(String host, long accounts) {
    }

    public record RemoteActor(String accountId, String actorUri, String host, String keyId, String publicKeyPem,
                              String inbox, String sharedInbox, String followersUri) {

        /** Where to deliver to this actor: its server's shared inbox when it has one. */
        public String deliveryInbox() {
            return sharedInbox != null ? sharedInbox : inbox;
        }
    }
}
