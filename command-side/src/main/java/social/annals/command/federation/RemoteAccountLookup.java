package social.annals.command.federation;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which local id an actor URI is known under; kept by {@link RemoteAccountLookupProjection}. */
@Component
public class RemoteAccountLookup {

    private final JdbcTemplate jdbc;

    RemoteAccountLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> accountIdOf(String actorUri) {
        return jdbc.query("SELECT account_id FROM remote_account_lookup WHERE actor_uri = ?",
                (rs, row) -> rs.getString(1), actorUri).stream().findFirst();
    }
}
