package social.annals.query.invite;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.invite.InviteCreated;
import social.annals.events.invite.InviteRevoked;
import social.annals.events.invite.InviteUsed;

/** Read model "invites". Every handler writes absolute values, so replay and redelivery are safe. */
@Component
@ProcessingGroup(InviteProjection.GROUP)
public class InviteProjection {

    public static final String GROUP = "invites";
    private static final String COLUMNS = "invite_id, used, uses, max_use, expires_on, invite_type";

    private final JdbcTemplate jdbc;

    public InviteProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InviteCreated event) {
        jdbc.update("INSERT INTO invite_view (invite_id, token_digest, max_use, expires_on, invite_type) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (invite_id) DO NOTHING", event.inviteId(),
                event.tokenDigest(), event.maxUse(), event.expiresOn() == null ? null : Date.valueOf(event.expiresOn()),
                event.type().name().toLowerCase(Locale.ROOT));
    }

    @EventHandler
    void on(InviteUsed event) {
        jdbc.update("UPDATE invite_view SET uses = ?, used = ? WHERE invite_id = ?", event.uses(), event.usedUp(),
                event.inviteId());
    }

    @EventHandler
    void on(InviteRevoked event) {
        jdbc.update("UPDATE invite_view SET used = true WHERE invite_id = ?", event.inviteId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM invite_view");
    }

    @QueryHandler
    public List<InviteQueries.Invite> handle(InviteQueries.All query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invite_view ORDER BY invite_id", InviteProjection::map);
    }

    @QueryHandler
    public InviteQueries.Invite handle(InviteQueries.ByTokenDigest query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invite_view WHERE token_digest = ?", InviteProjection::map,
                query.tokenDigest()).stream().findFirst().orElse(null);
    }

    private static InviteQueries.Invite map(ResultSet rs, int row) throws SQLException {
        Date expires = rs.getDate("expires_on");
        return new InviteQueries.Invite(rs.getLong("invite_id"), rs.getBoolean("used"), rs.getInt("uses"),
                rs.getObject("max_use", Integer.class), expires == null ? null : expires.toLocalDate(),
                rs.getString("invite_type"));
    }
}
