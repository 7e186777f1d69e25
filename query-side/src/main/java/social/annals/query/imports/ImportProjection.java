package social.annals.query.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportEntryResult;

/** Read model "imports": job progress and per-entry results, for the import status endpoint. */
@Component
@ProcessingGroup(ImportProjection.GROUP)
public class ImportProjection {

    public static final String GROUP = "imports";

    private final JdbcTemplate jdbc;

    public ImportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountListImportStarted event) {
        Timestamp at = Timestamp.from(event.startedAt());
        jdbc.update("INSERT INTO import_view (import_id, account_id, kind, total, started_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (import_id) DO NOTHING",
                event.importId(), event.accountId(), event.kind().name(), event.entries().size(), at, at);
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO import_entry_view (import_id, position, entry) "
                    + "SELECT ?, ordinality - 1, entry FROM unnest(?::text[]) WITH ORDINALITY AS t(entry, ordinality) "
                    + "ON CONFLICT (import_id, position) DO NOTHING");
            statement.setString(1, event.importId());
            statement.setArray(2, con.createArrayOf("text", event.entries().toArray()));
            return statement;
        });
    }

    @EventHandler
    void on(AccountListImportBatchProcessed event) {
        String[] results = event.results().stream().map(ImportEntryResult::name).toArray(String[]::new);
        jdbc.update(con -> {
            var statement = con.prepareStatement("UPDATE import_entry_view e SET result = r.result "
                    + "FROM unnest(?::text[]) WITH ORDINALITY AS r(result, ordinality) "
                    + "WHERE e.import_id = ? AND e.position = ? + r.ordinality - 1");
            statement.setArray(1, con.createArrayOf("text", results));
            statement.setString(2, event.importId());
            statement.setInt(3, event.fromIndex());
            return statement;
        });
        jdbc.update("UPDATE import_view SET processed = ?, completed = ?, updated_at = ? WHERE import_id = ?",
                event.fromIndex() + results.length, event.completed(), Timestamp.from(event.processedAt()),
                event.importId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM import_entry_view");
        jdbc.update("DELETE FROM import_view");
    }

    @QueryHandler
    public ImportView handle(ImportView.ById query) {
        return jdbc.query("SELECT * FROM import_view WHERE import_id = ? AND account_id = ?",
                        (rs, row) -> view(rs, entries(query.importId())), query.importId(), query.accountId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<ImportView> handle(ImportView.ForAccount query) {
        return jdbc.query("SELECT * FROM import_view WHERE account_id = ? AND kind = ? ORDER BY import_id DESC LIMIT ?",
                (rs, row) -> view(rs, null), query.accountId(), query.kind(), query.limit());
    }

    private List<ImportView.Entry> entries(String importId) {
        return jdbc.query("SELECT entry, result FROM import_entry_view WHERE import_id = ? ORDER BY position",
                (rs, row) -> new ImportView.Entry(rs.getString(1), rs.getString(2)), importId);
    }

    private ImportView view(ResultSet rs, List<ImportView.Entry> entries) throws SQLException {
        String importId = rs.getString("import_id");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ImportEntryResult result : ImportEntryResult.values()) {
            counts.put(result.name(), 0);
        }
        jdbc.query("SELECT result, count(*) FROM import_entry_view WHERE import_id = ? AND result IS NOT NULL "
                + "GROUP BY result", r -> {
            counts.put(r.getString(1), r.getInt(2));
        }, importId);
        return new ImportView(importId, rs.getString("kind"), rs.getInt("total"), rs.getInt("processed"),
                rs.getBoolean("completed"), counts, rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), entries);
    }
}
