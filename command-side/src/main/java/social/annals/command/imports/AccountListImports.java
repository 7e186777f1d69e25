package social.annals.command.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.imports.AccountListImportStarted;

/** Starts imports: parses and bounds the list, and lets a resubmitted list join its unfinished import. */
@Component
class AccountListImports {

    private final Repository<AccountListImport> imports;
    private final JdbcTemplate jdbc;

    AccountListImports(Repository<AccountListImport> imports, JdbcTemplate jdbc) {
        this.imports = imports;
        this.jdbc = jdbc;
    }

    @CommandHandler
    public String handle(ImportCommands.Start command, Clock clock) throws Exception {
        List<String> entries = ImportList.parse(command.list());
        String digest = digest(String.join("\n", entries));
        List<String> running = jdbc.queryForList("SELECT import_id FROM import_progress WHERE account_id = ? "
                + "AND kind = ? AND list_digest = ? AND NOT completed", String.class, command.accountId(),
                command.kind().name(), digest);
        if (!running.isEmpty()) {
            return running.get(0);
        }
        AccountListImportStarted started = new AccountListImportStarted(command.importId(), command.accountId(),
                command.kind(), entries, digest, clock.instant());
        imports.newInstance(() -> new AccountListImport(started));
        return command.importId();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
