package social.annals.query.social;

import java.util.List;

public final class RelationshipQueries {

    private RelationshipQueries() {
    }

    /** The viewer's relationships to those targets that are existing accounts, in request order. */
    public record Between(String viewerId, List<String> targetIds) {
    }

    /** The domains an account blocks, alphabetically. */
    /** Whether the viewer blocks the domain of the account (a Boolean). */
    public record BlocksDomainOf(String viewerId, String accountId) {
    }

    /** The remote accounts of the domain (or its subdomains) that follow the account or ask to. */
    public record FollowersOnDomain(String accountId, String domain) {
    }

    public record BlockedDomains(String accountId) {
    }

    /** Every account on one of the account's own lists (following, blocks, mutes), for export. */
    public record Export(AccountList list, String accountId) {
    }

    /** One exported account: its nickname and the list's flag (show boosts, hide notifications). */
    public record Exported(String nickname, boolean showingReblogs, boolean mutingNotifications) {
    }

    /** The lists an account has, each paginated by the listed account's id. */
    public enum AccountList {
        FOLLOWERS, FOLLOWING, FOLLOW_REQUESTS, BLOCKS, MUTES, SUBSCRIBERS
    }

    /**
     * One keyset page of account ids, newest id first: ids below {@code maxId}, above
     * {@code sinceId}, or the {@code limit} ids just above {@code minId}. Null bounds are open.
     */
    public record Page(AccountList list, String accountId, String maxId, String sinceId, String minId, int limit) {
    }
}
