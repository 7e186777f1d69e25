package social.annals.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.support.ApiTest;

/**
 * Flake ids sort in creation order only byte by byte ('Z' before 'a'), so every id column is
 * compared that way whatever collation the database was created with.
 */
class IdCollationTest extends ApiTest {

    private static final String LINGUISTIC_DATABASE = "annals_collation_check";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyIdColumnComparesByteByByte() {
        List<String> linguistic = jdbc.queryForList("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'character varying'
                  AND column_name ~ '(^id$|_id$)' AND coalesce(collation_name, '') <> 'C'
                  AND table_name NOT IN ('domainevententry', 'snapshotevententry', 'tokenentry', 'sagaentry',
                                         'associationvalueentry', 'deadletterentry', 'flyway_schema_history')
                ORDER BY 1""", String.class);

        assertThat(linguistic).isEmpty();
    }

    @Test
    void aDatabaseWithALanguagesCollationStillOrdersTimelinesByCreation() {
        // Two ids that differ first where one has an upper-case letter and the other a lower-case one:
        // there a language's collation (a before Z) and creation order (Z before a) disagree.
        String older = "AEHl3s1Lp0kY4n2mZ0";
        String newer = "AEHl3s1Lp0kY4n2ma0";
        assertThat(FlakeId.decode(older).orElseThrow()).isLessThan(FlakeId.decode(newer).orElseThrow());
        jdbc.execute("DROP DATABASE IF EXISTS " + LINGUISTIC_DATABASE);
        jdbc.execute("CREATE DATABASE " + LINGUISTIC_DATABASE
                + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        String url = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) con -> con.getMetaData().getURL())
                .replaceFirst("/[^/?]+(\\?|$)", "/" + LINGUISTIC_DATABASE + "$1");
        try (HikariDataSource linguisticDb = new HikariDataSource()) {
            linguisticDb.setJdbcUrl(url);
            linguisticDb.setUsername("postgres");
            Flyway.configure().dataSource(linguisticDb).load().migrate();
            JdbcTemplate other = new JdbcTemplate(linguisticDb);
            assertThat(other.queryForObject("SELECT ?::text > ?::text", Boolean.class, newer, older))
                    .as("the database's own collation orders these two ids against their creation").isFalse();
            other.update("INSERT INTO home_timeline_entry (owner_id, status_id, author_id) VALUES (?, ?, ?), (?, ?, ?)",
                    "owner", older, "author", "owner", newer, "author");

            assertThat(other.queryForList("SELECT status_id FROM home_timeline_entry WHERE owner_id = 'owner' "
                    + "ORDER BY status_id DESC", String.class)).containsExactly(newer, older);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + LINGUISTIC_DATABASE);
        }
    }
}
