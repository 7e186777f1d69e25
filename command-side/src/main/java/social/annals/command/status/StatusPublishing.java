package social.annals.command.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.status.StatusPosted;

/** Decides a post: Pleroma's length rules, then the Idempotency-Key, then the new status. */
@Component
class StatusPublishing {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(6);
    private static final int MAX_KEY_LENGTH = 255;

    private final Repository<Status> statuses;
    private final JdbcTemplate jdbc;
    private final int limit;

    StatusPublishing(Repository<Status> statuses, JdbcTemplate jdbc,
                     @Value("${annals.instance.limit:5000}") int limit) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.limit = limit;
    }

    @CommandHandler
    public StatusCommands.Posted handle(StatusCommands.Post command, Clock clock) throws Exception {
        Instant now = clock.instant();
        StatusPosted posted = decide(command, now);
        String key = command.idempotencyKey();
        if (key != null && !key.isBlank()) {
            String truncated = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
            // A key older than the window is free again.
            jdbc.update("DELETE FROM status_idempotency WHERE account_id = ? AND idempotency_key = ? AND created_at < ?",
                    command.authorId(), truncated, Timestamp.from(now.minus(IDEMPOTENCY_WINDOW)));
            jdbc.update("INSERT INTO status_idempotency (account_id, idempotency_key, status_id, created_at) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    command.authorId(), truncated, command.statusId(), Timestamp.from(now));
            String first = jdbc.queryForObject("SELECT status_id FROM status_idempotency WHERE account_id = ? "
                    + "AND idempotency_key = ?", String.class, command.authorId(), truncated);
            if (!command.statusId().equals(first)) {
                return new StatusCommands.Posted(first, null);
            }
        }
        statuses.newInstance(() -> new Status(posted));
        return new StatusCommands.Posted(command.statusId(), posted);
    }

    /** Pleroma-FE's preview: the status as it would be posted, with the same refusals; nothing is recorded. */
    @CommandHandler
    public StatusPosted handle(StatusCommands.Preview command, Clock clock) {
        return decide(command.post(), clock.instant());
    }

    private StatusPosted decide(StatusCommands.Post command, Instant now) {
        String text = command.text() == null ? "" : command.text().trim();
        String spoiler = command.spoilerText() == null ? "" : command.spoilerText();
        int length = text.codePointCount(0, text.length()) + spoiler.codePointCount(0, spoiler.length());
        if (text.isEmpty() && command.mediaIds().isEmpty()) {
            throw new StatusRejected("Cannot post an empty status without attachments");
        }
        if (length > limit) {
            throw new StatusRejected("The status is over the character limit");
        }
        return new StatusPosted(command.statusId(), command.authorId(), text, command.contentHtml(),
                spoiler, command.visibility(), command.sensitive(), command.inReplyToId(),
                command.inReplyToAccountId(),
                command.conversationId() == null ? command.statusId() : command.conversationId(),
                List.copyOf(command.mentionedIds()), List.copyOf(command.tags()), command.emojis(),
                List.copyOf(command.mediaIds()), command.applicationName(), now, null);
    }
}
