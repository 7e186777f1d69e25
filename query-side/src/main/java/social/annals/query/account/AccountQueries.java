package social.annals.query.account;

import java.util.List;

/** Queries answered from the "accounts" read model. */
public final class AccountQueries {

    private AccountQueries() {
    }

    public record ById(String accountId) {
    }

    /** The existing accounts among these ids, in no particular order. */
    public record ByIds(List<String> accountIds) {
    }

    /** Accounts whose nickname starts with, or display name contains, the text (case-insensitive). */
    public record Search(String text, int limit) {
    }

    /** Accounts in the admin or moderator group, oldest first. */
    public record Staff() {
    }

    /** The flavour the account chose, or null when it never chose one. */
    public record Flavour(String accountId) {
    }

    /**
     * The admin's user list: every given criterion must hold (null or false means "any").
     * {@code query} and {@code name} are case-insensitive substrings of the nickname and display
     * name; {@code accountIds} limits to these accounts (an e-mail lookup); {@code active} true
     * keeps active accounts, false deactivated ones; {@code tags}: any of them. Ordered by nickname.
     */
    public record AdminSearch(String query, String name, List<String> accountIds, Boolean active, boolean admins,
                              boolean moderators, List<String> tags, int page, int pageSize) {
    }

    public record AdminPage(int count, List<AccountView> accounts) {
    }

    /** The progress of the account's deletion, or null when it was never deleted. */
    public record DeletionOf(String accountId) {
    }

    /** {@code state} is {@code running} or {@code completed}; counts are totals so far. */
    public record Deletion(String accountId, String nickname, String requestedBy, String state,
                           int relationshipsSevered, int statusesDeleted, int statusesRemaining,
                           java.time.Instant startedAt, java.time.Instant updatedAt) {
    }

    /** Case-insensitive. */
    public record ByNickname(String nickname) {
    }

    /** The existing accounts among these nicknames (case-insensitive); for linking mentions. */
    public record ByNicknames(List<String> nicknames) {
    }
}
