package social.annals.query.federation;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import social.annals.events.federation.RemoteAccountDeleted;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.federation.RemoteAccountUpdated;
import social.annals.events.federation.RemoteProfile;

/** Read model "remote-actors": each remote account's inboxes and the key its requests are signed with. */
@Component
@ProcessingGroup(RemoteActorProjection.GROUP)
public class RemoteActorProjection {

    public static final String GROUP = "remote-actors";
    private static final String COLUMNS = "account_id, actor_uri, host, key_id, public_key_pem, inbox, shared_inbox, "
            + "followers_uri";
    private static final RowMapper<RemoteActorQueries.RemoteActor> ROW = (rs, row) ->
            new RemoteActorQueries.RemoteActor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));

    private final JdbcTemplate jdbc;

    public RemoteActorProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RemoteAccountDiscovered event) {
        write(event.accountId(), event.profile());
    }

    @EventHandler
    void on(RemoteAccountUpdated event) {
        write(event.accountId(), event.profile());
    }

    /** Gone: nothing is delivered to it, and its key signs nothing more (a fetch finds it gone). */
    @EventHandler
    void on(RemoteAccountDeleted event) {
        jdbc.update("DELETE FROM remote_actor_view WHERE account_id = ?", event.accountId());
    }

    private void write(String accountId, RemoteProfile profile) {
        jdbc.update("INSERT INTO remote_actor_view (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET host = EXCLUDED.host, key_id = EXCLUDED.key_id, "
                        + "public_key_pem = EXCLUDED.public_key_pem, inbox = EXCLUDED.inbox, "
                        + "shared_inbox = EXCLUDED.shared_inbox, followers_uri = EXCLUDED.followers_uri",
                accountId, profile.actorUri(), profile.host(), profile.publicKeyId(), profile.publicKeyPem(),
                profile.inbox(), profile.sharedInbox(), profile.followersUri());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM remote_actor_view");
    }

    @QueryHandler
    public RemoteActorQueries.RemoteActor handle(RemoteActorQueries.ByKeyId query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM remote_actor_view WHERE key_id = ? ORDER BY account_id LIMIT 1",
                ROW, query.keyId()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public RemoteActorQueries.RemoteActor handle(RemoteActorQueries.ByActorUri query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM remote_actor_view WHERE actor_uri = ?", ROW, query.actorUri())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<RemoteActorQueries.RemoteActor> handle(RemoteActorQueries.ByAccountIds query) {
        if (query.accountIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM remote_actor_view "
                    + "WHERE account_id = ANY (?)");
            statement.setArray(1, con.createArrayOf("varchar", query.accountIds().toArray()));
            return statement;
        }, ROW);
    }

    /** Reads the relationships read model too: who follows is its answer, where they live is this one's. */
    @QueryHandler
    public List<String> handle(RemoteActorQueries.FollowerInboxes query) {
        return jdbc.queryForList("SELECT DISTINCT coalesce(r.shared_inbox, r.inbox) FROM relationship_view f "
                + "JOIN remote_actor_view r ON r.account_id = f.account_id WHERE f.target_id = ? AND f.following "
                + "ORDER BY 1", String.class, query.accountId());
    }

    @QueryHandler
    public Boolean handle(RemoteActorQueries.HasLocalFollowers query) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM relationship_view f JOIN account_view a "
                + "ON a.account_id = f.account_id WHERE f.target_id = ? AND f.following AND a.actor_uri IS NULL)",
                Boolean.class, query.accountId());
    }

    @QueryHandler
    public List<String> handle(RemoteActorQueries.Hosts query) {
        return jdbc.queryForList("SELECT DISTINCT host FROM remote_actor_view ORDER BY host", String.class);
    }

    @QueryHandler
    public List<RemoteActorQueries.HostAccounts> handle(RemoteActorQueries.AccountsByHost query) {
        return jdbc.query("SELECT host, count(*) FROM remote_actor_view GROUP BY host ORDER BY host",
                (rs, row) -> new RemoteActorQueries.HostAccounts(rs.getString(1), rs.getLong(2)));
    }

    @QueryHandler
    public List<String> handle(RemoteActorQueries.KnownInboxes query) {
        return jdbc.queryForList("SELECT DISTINCT coalesce(shared_inbox, inbox) FROM remote_actor_view ORDER BY 1",
                String.class);
    }
}
