package social.annals.gateway.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Empty copies of some read models' tables, in a schema of their own, that a rebuild fills in
 * short transactions while the live tables go on serving and being written, and that then replace
 * the live tables under a brief lock.
 * <p>
 * Short transactions matter: one transaction open for the whole replay would keep PostgreSQL from
 * pruning the row versions every other read model leaves meanwhile. The read models' statements
 * name their tables without a schema, so inside a transaction that has {@link #enter() entered}
 * the copies, the same statements write the copies.
 */
final class ShadowTables {

    private static final String SCHEMA_PREFIX = "annals_rebuild_";
    /** How long one attempt waits for the live tables before letting their writers go on. */
    private static final String LOCK_WAIT = "200ms";
    private static final int LOCK_ATTEMPTS = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String schema;
    private final List<String> tables;

    private ShadowTables(JdbcTemplate jdbc, TransactionTemplate transaction, String schema, List<String> tables) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.schema = schema;
        this.tables = tables;
    }

    /**
     * Copies of the tables that {@code reset} empties (the read models' own tables, as their reset
     * handlers name them), with the live tables' columns, constraints, indexes (and their names)
     * and storage settings.
     */
    static ShadowTables of(JdbcTemplate jdbc, TransactionTemplate transaction, Runnable reset) {
        String schema = SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> live = jdbc.queryForList("SELECT relname FROM pg_class WHERE relkind = 'r' "
                + "AND relnamespace = 'public'::regnamespace ORDER BY relname", String.class);
        ShadowTables all = new ShadowTables(jdbc, transaction, schema, live);
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.execute("CREATE SCHEMA " + schema);
                live.forEach(all::copy);
            });
            // Which copies the reset touches, from the locks it takes: the tables it empties.
            List<String> owned = transaction.execute(status -> {
                all.enter();
                reset.run();
                return jdbc.queryForList("SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                        + "WHERE l.pid = pg_backend_pid() AND l.granted AND c.relkind = 'r' "
                        + "AND c.relnamespace = ?::regnamespace "
                        + "AND l.mode IN ('RowExclusiveLock', 'AccessExclusiveLock') ORDER BY c.relname",
                        String.class, schema);
            });
            transaction.executeWithoutResult(status -> live.stream().filter(table -> !owned.contains(table))
                    .forEach(table -> jdbc.execute("DROP TABLE " + schema + "." + table)));
            return new ShadowTables(jdbc, transaction, schema, owned);
        } catch (RuntimeException e) {
            all.drop();
            throw e;
        }
    }

    List<String> tables() {
        return tables;
    }

    String schema() {
        return schema;
    }

    /** Within the current transaction, unqualified table names mean the copies. */
    void enter() {
        jdbc.execute("SET LOCAL search_path TO " + schema + ", public");
    }

    /**
     * In one transaction: locks the live tables (so no writer changes them meanwhile), lets
     * {@code catchUp} write into the copies what was committed since they were filled, and puts the
     * copies in the live tables' place. Writers waiting on the lock then write the new tables.
     * Lock attempts are short and repeated, so writers are held up briefly at most.
     */
    void swap(Runnable catchUp) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == LOCK_ATTEMPTS;
            try {
                transaction.executeWithoutResult(status -> {
                    enter();
                    if (!last) {
                        jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
                    }
                    jdbc.execute("LOCK TABLE " + String.join(", ", tables.stream().map(t -> "public." + t).toList())
                            + " IN ACCESS EXCLUSIVE MODE");
                    jdbc.execute("SET LOCAL lock_timeout = 0");
                    catchUp.run();
                    for (String table : tables) {
                        jdbc.execute("DROP TABLE public." + table);
                        jdbc.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA public");
                    }
                });
                break;
            } catch (PessimisticLockingFailureException busy) {
                if (last) {
                    throw busy;
                }
            }
        }
        drop();
    }

    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void copy(String table) {
        jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
        String options = jdbc.queryForObject("SELECT array_to_string(reloptions, ', ') FROM pg_class "
                + "WHERE oid = ?::regclass", String.class, "public." + table);
        if (options != null && !options.isEmpty()) {
            jdbc.execute("ALTER TABLE " + schema + "." + table + " SET (" + options + ")");
        }
        // A copied index gets a generated name; give it the live one, so that once swapped in the
        // table is as its migrations left it (and later migrations find its indexes by name).
        Map<String, String> liveNames = indexes("public", table);
        indexes(schema, table).forEach((definition, name) -> {
            String wanted = liveNames.get(definition);
            if (wanted != null && !wanted.equals(name)) {
                jdbc.execute("ALTER INDEX " + schema + "." + name + " RENAME TO " + wanted);
            }
        });
    }

    /** A table's indexes by their definition without name or schema, each with its name. */
    private Map<String, String> indexes(String namespace, String table) {
        Map<String, String> byDefinition = new HashMap<>();
        jdbc.query("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                + "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = ? AND t.relnamespace = ?::regnamespace",
                row -> {
                    byDefinition.put(row.getString(2).replaceFirst("INDEX \\S+ ON (ONLY )?\\S+ ", "INDEX ON "),
                            row.getString(1));
                }, table, namespace);
        return byDefinition;
    }
}
