package social.annals.command.imports;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportKind;

/** The command side's view of running imports, kept in the events' own transaction. */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class ImportProgress {

    private final JdbcTemplate jdbc;

    ImportProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the process works on next. */
    public record Pending(String importId, String accountId, ImportKind kind, int nextIndex, List<String> entries) {
    }

    @EventHandler
    void on(AccountListImportStarted event) {
        try {
            insert(event);
        } catch (DuplicateKeyException e) {
            throw new ImportAlreadyRunning();
        }
    }

    private void insert(AccountListImportStarted event) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO import_progress (import_id, account_id, kind, "
                    + "list_digest, entries) VALUES (?, ?, ?, ?, ?) ON CONFLICT (import_id) DO NOTHING");
            statement.setString(1, event.importId());
            statement.setString(2, event.accountId());
            statement.setString(3, event.kind().name());
            statement.setString(4, event.listDigest());
            statement.setArray(5, con.createArrayOf("text", event.entries().toArray()));
            return statement;
        });
    }

    @EventHandler
    void on(AccountListImportBatchProcessed event) {
        jdbc.update("UPDATE import_progress SET next_index = ?, completed = ? WHERE import_id = ?",
                event.fromIndex() + event.results().size(), event.completed(), event.importId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM import_progress");
    }

    /** The next {@code size} entries of an unfinished import. */
    public Optional<Pending> next(String importId, int size) {
        return jdbc.query("SELECT import_id, account_id, kind, next_index, "
                        + "entries[next_index + 1 : next_index + ?] AS batch FROM import_progress "
                        + "WHERE import_id = ? AND NOT completed",
                (rs, row) -> new Pending(rs.getString("import_id"), rs.getString("account_id"),
                        ImportKind.valueOf(rs.getString("kind")), rs.getInt("next_index"),
                        List.of((String[]) rs.getArray("batch").getArray())),
                size, importId).stream().findFirst();
    }
}
