package social.annals.gateway.ops;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replays of subscribing read models into copies of their tables, in the database: every node
 * reports them, and a read model is replayed by one node at a time. A replay whose row has not
 * moved for {@link #STALE_SECONDS} belongs to a node that stopped; it no longer counts.
 */
final class SubscribingReplays {

    static final int STALE_SECONDS = 120;
    private static final String FRESH = "updated_at > now() - make_interval(secs => " + STALE_SECONDS + ")";

    record Replay(long position, long resetPosition) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SubscribingReplays(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Claims the groups for a replay from the start up to {@code resetPosition}; false, and nothing claimed, if one is replaying. */
    boolean claim(List<String> groups, long resetPosition) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            for (String group : groups) {
                int claimed = jdbc.update("INSERT INTO read_model_replay (processor_name, position, reset_position, "
                        + "updated_at) VALUES (?, -1, ?, now()) ON CONFLICT (processor_name) DO UPDATE SET position = -1, "
                        + "reset_position = excluded.reset_position, updated_at = now() "
                        + "WHERE NOT read_model_replay." + FRESH, group, resetPosition);
                if (claimed == 0) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        }));
    }

    /** In the transaction of the batch that got there. */
    void moved(List<String> groups, long position) {
        jdbc.update("UPDATE read_model_replay SET position = ?, updated_at = now() WHERE processor_name = ANY (?)",
                position, groups.toArray(String[]::new));
    }

    /** A replay waiting for its turn is still under way. */
    void waiting(List<String> groups) {
        jdbc.update("UPDATE read_model_replay SET updated_at = now() WHERE processor_name = ANY (?)",
                (Object) groups.toArray(String[]::new));
    }

    void ended(List<String> groups) {
        jdbc.update("DELETE FROM read_model_replay WHERE processor_name = ANY (?)", (Object) groups.toArray(String[]::new));
    }

    /** The group's replay under way, or null. */
    Replay of(String group) {
        return jdbc.query("SELECT position, reset_position FROM read_model_replay WHERE processor_name = ? AND " + FRESH,
                rs -> rs.next() ? new Replay(rs.getLong(1), rs.getLong(2)) : null, group);
    }
}
