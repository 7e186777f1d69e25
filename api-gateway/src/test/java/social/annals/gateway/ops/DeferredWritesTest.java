package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.support.ApiTest;

class DeferredWritesTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private Set<String> relations;

    @BeforeEach
    void tables() {
        jdbc.execute("CREATE TABLE held_a (id int PRIMARY KEY, v text)");
        jdbc.execute("CREATE TABLE held_b (id int PRIMARY KEY)");
        relations = DeferredWrites.relationNames(jdbc);
    }

    @AfterEach
    void dropTables() {
        jdbc.execute("DROP TABLE held_a, held_b");
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                DeferredWrites.during(jdbc.getDataSource(), relations, work));
    }

    @Test
    void writesTakeEffectInTheirOrderOnceTheWorkIsDone() {
        inTransaction(() -> {
            jdbc.update("INSERT INTO held_a (id, v) VALUES (?, ?)", 1, "first");
            jdbc.update("INSERT INTO held_b (id) VALUES (?)", 1);
            jdbc.update("UPDATE held_a SET v = ? WHERE id = ?", "second", 1);
            jdbc.update("INSERT INTO held_a (id, v) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET v = excluded.v", 1,
                    "third");
            jdbc.update("INSERT INTO held_b (id) VALUES (?)", 2);
            jdbc.update("DELETE FROM held_b WHERE id = ?", 1);
        });

        assertThat(jdbc.queryForList("SELECT v FROM held_a", String.class)).containsExactly("third");
        assertThat(jdbc.queryForList("SELECT id FROM held_b", Integer.class)).containsExactly(2);
    }

    @Test
    void aReadSeesEveryWriteBeforeIt() {
        inTransaction(() -> {
            jdbc.update("INSERT INTO held_a (id, v) VALUES (?, ?)", 1, "one");
            jdbc.update("INSERT INTO held_a (id, v) VALUES (?, ?)", 2, "two");

            assertThat(jdbc.queryForObject("SELECT count(*) FROM held_a", Integer.class)).isEqualTo(2);
        });
    }

    @Test
    void aWriteThatReadsAnotherTableSeesTheWritesHeldForIt() {
        inTransaction(() -> {
            jdbc.update("INSERT INTO held_b (id) VALUES (?)", 7);
            jdbc.update("INSERT INTO held_a (id, v) SELECT id, 'copied' FROM held_b");
            jdbc.update("DELETE FROM held_b WHERE id = ?", 7);
        });

        assertThat(jdbc.queryForList("SELECT id FROM held_a", Integer.class)).containsExactly(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM held_b", Integer.class)).isZero();
    }

    @Test
    void aHeldWriteThatFailsFailsTheWorkAndNothingIsWritten() {
        AtomicBoolean wentOn = new AtomicBoolean();

        assertThatThrownBy(() -> inTransaction(() -> {
            jdbc.update("INSERT INTO held_a (id, v) VALUES (?, ?)", 1, "one");
            jdbc.update("INSERT INTO held_a (id, v) VALUES (?, ?)", 1, "the same key");
            wentOn.set(true);
        })).hasMessageContaining("held writes failed");

        assertThat(wentOn).as("the failing write was held, not sent at once").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM held_a", Integer.class)).isZero();
    }
}
