package social.annals.query.account;

import java.sql.Timestamp;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.federation.RemoteAccountDeleted;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.federation.RemoteAccountUpdated;
import social.annals.events.federation.RemoteProfile;

/**
 * Read model "accounts", for accounts of other servers: they are accounts like any other, with
 * the nickname {@code username@host} and their own profile URL and images. The group's reset is
 * {@link AccountProjection}'s: both write the same table.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class RemoteAccountProjection {

    private final JdbcTemplate jdbc;

    public RemoteAccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RemoteAccountDiscovered event) {
        RemoteProfile profile = event.profile();
        jdbc.update("INSERT INTO account_view (account_id, nickname, nickname_key, display_name, bio, note_html, "
                        + "locked, created_at, actor_uri, profile_url, avatar_url, header_url) "
                        + "VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING",
                event.accountId(), profile.nickname(), profile.nickname().toLowerCase(Locale.ROOT),
                profile.displayName(), profile.summaryHtml(), profile.locked(), Timestamp.from(event.discoveredAt()),
                profile.actorUri(), profile.url(), profile.avatarUrl(), profile.headerUrl());
    }

    /** As a deleted local account: deactivated (never shown), its profile text gone. */
    @EventHandler
    void on(RemoteAccountDeleted event) {
        jdbc.update("UPDATE account_view SET deactivated = true, display_name = NULL, note_html = NULL "
                + "WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(RemoteAccountUpdated event) {
        RemoteProfile profile = event.profile();
        jdbc.update("UPDATE account_view SET nickname = ?, nickname_key = ?, display_name = ?, note_html = ?, "
                        + "locked = ?, profile_url = ?, avatar_url = ?, header_url = ? WHERE account_id = ?",
                profile.nickname(), profile.nickname().toLowerCase(Locale.ROOT), profile.displayName(),
                profile.summaryHtml(), profile.locked(), profile.url(), profile.avatarUrl(), profile.headerUrl(),
                event.accountId());
    }
}
