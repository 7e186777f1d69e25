package social.annals.command.account;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.social.FollowRequested;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;

/**
 * What deleting an account has to go through: the accounts it has any relationship with and
 * its statuses not yet deleted, both in id order so the process can resume after a cursor. Kept
 * in the transaction of the events that change it.
 */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class AccountDeletionWork {

    private final JdbcTemplate jdbc;

    AccountDeletionWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts after {@code cursor} (exclusive; null for the start) related to the account either way. */
    public List<String> partnersAfter(String accountId, String cursor, int limit) {
        return jdbc.queryForList("SELECT partner FROM (SELECT target_id AS partner FROM relationship_lookup "
                        + "WHERE account_id = ? UNION SELECT account_id FROM relationship_lookup WHERE target_id = ?) p "
                        + "WHERE partner COLLATE \"C\" > ? ORDER BY partner COLLATE \"C\" LIMIT ?",
                String.class, accountId, accountId, cursor == null ? "" : cursor, limit);
    }

    /** The account's statuses not yet deleted, oldest id first. */
    public List<String> statuses(String accountId, int limit) {
        return jdbc.queryForList("SELECT status_id FROM authored_status_lookup WHERE author_id = ? "
                + "ORDER BY status_id LIMIT ?", String.class, accountId, limit);
    }

    public int statusCount(String accountId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM authored_status_lookup WHERE author_id = ?",
                Integer.class, accountId);
        return count == null ? 0 : count;
    }

    @EventHandler
    void on(StatusPosted event) {
        jdbc.update("INSERT INTO authored_status_lookup (author_id, status_id, conversation_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", event.authorId(), event.statusId(), event.conversationId());
    }

    @EventHandler
    void on(StatusDeleted event) {
        jdbc.update("DELETE FROM authored_status_lookup WHERE author_id = ? AND status_id = ?", event.authorId(),
                event.statusId());
    }

    /** A pending request is a relationship too; the row carries no flag, only the pair. */
    @EventHandler
    void on(FollowRequested event) {
        jdbc.update("INSERT INTO relationship_lookup (account_id, target_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.followerId(), event.followedId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM authored_status_lookup");
    }
}
