package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.support.ApiTest;

/** Copies of read-model tables that a rebuild fills while the live ones serve, then swaps in. */
class ShadowTablesTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    private List<String> describe(String schema, String table) {
        return jdbc.queryForList("SELECT i.relname || ' ' || regexp_replace(pg_get_indexdef(i.oid), ' ON \\S+', '') "
                + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                + "WHERE t.relname = ? AND t.relnamespace = ?::regnamespace "
                + "UNION ALL SELECT conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c "
                + "JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = ? AND t.relnamespace = ?::regnamespace "
                + "ORDER BY 1", String.class, table, schema, table, schema);
    }

    private boolean schemaExists(String schema) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = ?", Integer.class, schema) == 1;
    }

    @Test
    void copiesAreTheTablesTheResetEmptiesWithTheLiveNamesOfIndexesAndConstraints() {
        ShadowTables shadow = ShadowTables.of(jdbc, transaction(), () -> {
            jdbc.update("DELETE FROM relationship_view");
            jdbc.update("TRUNCATE status_view");
        });
        try {
            assertThat(shadow.tables()).containsExactly("relationship_view", "status_view");
            assertThat(describe(shadow.schema(), "relationship_view"))
                    .isEqualTo(describe("public", "relationship_view"))
                    .anyMatch(index -> index.startsWith("relationship_followers "));
            assertThat(describe(shadow.schema(), "status_view")).isEqualTo(describe("public", "status_view"));
            assertThat(jdbc.queryForObject("SELECT reloptions::text FROM pg_class WHERE oid = ?::regclass",
                    String.class, shadow.schema() + ".status_view")).isEqualTo("{fillfactor=75}");
        } finally {
            shadow.drop();
        }
        assertThat(schemaExists(shadow.schema())).isFalse();
    }

    @Test
    void theFilledCopiesTakeTheLiveTablesPlaceWithWhatTheCatchUpAdds() {
        User follower = user("shadowed");
        User followed = user("shadowing");
        act(follower, "/api/v1/accounts/" + followed.id() + "/follow");
        List<String> indexes = describe("public", "relationship_view");
        TransactionTemplate transaction = transaction();
        ShadowTables shadow = ShadowTables.of(jdbc, transaction, () -> jdbc.update("DELETE FROM relationship_view"));
        transaction.executeWithoutResult(status -> {
            shadow.enter();
            jdbc.update("INSERT INTO relationship_view SELECT * FROM public.relationship_view WHERE account_id <> ?",
                    follower.id());
        });

        shadow.swap(() -> jdbc.update("INSERT INTO relationship_view SELECT * FROM public.relationship_view "
                + "WHERE account_id = ?", follower.id()));

        assertThat(schemaExists(shadow.schema())).isFalse();
        assertThat(describe("public", "relationship_view")).isEqualTo(indexes);
        assertThat(http.get("/api/v1/accounts/relationships?id=" + followed.id(), "Authorization", follower.bearer())
                .json().get(0).get("following").asBoolean()).isTrue();
    }

    @Test
    void aFailedCatchUpLeavesTheLiveTablesAsTheyWere() {
        User follower = user("unshadowed");
        User followed = user("unshadowing");
        act(follower, "/api/v1/accounts/" + followed.id() + "/follow");
        ShadowTables shadow = ShadowTables.of(jdbc, transaction(), () -> jdbc.update("DELETE FROM relationship_view"));

        assertThatThrownBy(() -> shadow.swap(() -> {
            throw new IllegalStateException("replay failed");
        })).hasMessage("replay failed");
        shadow.drop();

        assertThat(schemaExists(shadow.schema())).isFalse();
        assertThat(http.get("/api/v1/accounts/relationships?id=" + followed.id(), "Authorization", follower.bearer())
                .json().get(0).get("following").asBoolean()).isTrue();
    }
}
