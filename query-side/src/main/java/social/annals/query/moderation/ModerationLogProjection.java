package social.annals.query.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.account.AccountActivated;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.AccountRoleRevoked;
import social.annals.events.federation.InstancePoliciesChanged;
import social.annals.events.federation.InstancePolicy;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.AccountsCreatedByAdmin;
import social.annals.events.moderation.AccountsTagged;
import social.annals.events.moderation.AccountsUntagged;
import social.annals.events.moderation.FollowForced;
import social.annals.events.moderation.Moderator;
import social.annals.events.moderation.ReadModelsRebuildRequested;
import social.annals.events.report.ReportResponded;
import social.annals.events.report.ReportState;
import social.annals.events.report.ReportStateChanged;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusModerated;

/**
 * Read model "moderation-log": every moderation event becomes one entry, with the accounts it
 * concerns as {@code {"id","nickname","type":"user"}} snapshots, in Pleroma 1.1's data shape.
 * Nothing writes entries but these handlers, so the log is complete by construction.
 */
@Component
@ProcessingGroup(ModerationLogProjection.GROUP)
public class ModerationLogProjection {

    public static final String GROUP = "moderation-log";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = new ObjectMapper();

    public ModerationLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        jdbc.update("INSERT INTO moderation_account_name (account_id, nickname) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.accountId(), event.nickname());
    }

    @EventHandler
    void on(AccountsCreatedByAdmin event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), "create");
        ArrayNode subjects = data.putArray("subjects");
        event.accounts().forEach(account -> subjects.add(user(account.accountId(), account.nickname())));
        insert(eventId, event.at(), data, event.by().accountId(), ids(event.accounts()));
    }

    /** A deletion the account asked for itself is not moderation. */
    @EventHandler
    void on(AccountDeletionStarted event, @MessageIdentifier String eventId) {
        if (event.accountId().equals(event.requestedBy())) {
            return;
        }
        Moderator by = moderatorById(event.requestedBy());
        ObjectNode data = entry(by, "delete");
        data.set("subject", user(event.accountId(), event.nickname()));
        insert(eventId, event.startedAt(), data, by.accountId(), List.of(event.accountId()));
    }

    @EventHandler
    void on(AccountActivated event, @MessageIdentifier String eventId) {
        subjectEntry(eventId, event.by(), "activate", event.accountId(), event.nickname(), event.activatedAt());
    }

    @EventHandler
    void on(AccountDeactivated event, @MessageIdentifier String eventId) {
        subjectEntry(eventId, event.by(), "deactivate", event.accountId(), event.nickname(), event.deactivatedAt());
    }

    @EventHandler
    void on(AccountsTagged event, @MessageIdentifier String eventId) {
        tagEntry(eventId, "tag", event.accounts(), event.tags(), event.by(), event.at());
    }

    @EventHandler
    void on(AccountsUntagged event, @MessageIdentifier String eventId) {
        tagEntry(eventId, "untag", event.accounts(), event.tags(), event.by(), event.at());
    }

    @EventHandler
    void on(AccountRoleGranted event, @MessageIdentifier String eventId) {
        roleEntry(eventId, "grant", event.grantedBy(), event.accountId(), event.nickname(),
                event.role().name().toLowerCase(Locale.ROOT), event.grantedAt());
    }

    @EventHandler
    void on(AccountRoleRevoked event, @MessageIdentifier String eventId) {
        roleEntry(eventId, "revoke", event.revokedBy(), event.accountId(), event.nickname(),
                event.role().name().toLowerCase(Locale.ROOT), event.revokedAt());
    }

    @EventHandler
    void on(FollowForced event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), event.follow() ? "follow" : "unfollow");
        data.set("follower", user(event.follower().accountId(), event.follower().nickname()));
        data.set("followed", user(event.followed().accountId(), event.followed().nickname()));
        insert(eventId, event.at(), data, event.by().accountId(),
                List.of(event.follower().accountId(), event.followed().accountId()));
    }

    /** A status deleted by someone other than its author was deleted by a moderator. */
    @EventHandler
    void on(StatusDeleted event, @MessageIdentifier String eventId) {
        if (event.deletedBy() == null || event.deletedBy().equals(event.authorId())) {
            return;
        }
        Moderator by = moderatorById(event.deletedBy());
        ObjectNode data = entry(by, "status_delete");
        data.put("subject_id", event.statusId());
        insert(eventId, event.deletedAt(), data, by.accountId(), List.of(event.authorId()));
    }

    @EventHandler
    void on(StatusModerated event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), "status_update");
        ObjectNode subject = data.putObject("subject");
        subject.put("type", "status");
        subject.put("id", event.statusId());
        if (event.sensitive() == null) {
            data.putNull("sensitive");
        } else {
            data.put("sensitive", event.sensitive());
        }
        data.put("visibility", event.visibility() == null ? null : event.visibility().name().toLowerCase(Locale.ROOT));
        insert(eventId, event.moderatedAt(), data, event.by().accountId(), List.of(event.authorId()));
    }

    @EventHandler
    void on(ReportStateChanged event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), "report_update");
        data.set("subject", report(event.reportId(), event.state()));
        insert(eventId, event.changedAt(), data, event.by().accountId(), List.of(event.accountId()));
    }

    /** The report is the subject (Pleroma 1.1 recorded the reply status by mistake). */
    @EventHandler
    void on(ReportResponded event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), "report_response");
        data.set("subject", report(event.reportId(), event.state()));
        data.put("text", event.text());
        insert(eventId, event.respondedAt(), data, event.by().accountId(), List.of(event.accountId()));
    }

    private static ObjectNode report(String reportId, ReportState state) {
        ObjectNode report = JSON.objectNode();
        report.put("type", "report");
        report.put("id", reportId);
        report.put("state", state.apiName());
        return report;
    }

    @EventHandler
    void on(InstancePoliciesChanged event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), "instance_policy");
        data.put("host", event.host());
        policies(data.putArray("policies"), event.policies());
        policies(data.putArray("applied"), event.applied());
        policies(data.putArray("lifted"), event.lifted());
        data.put("reason", event.reason());
        insert(eventId, event.at(), data, event.by().accountId(), List.of());
    }

    private static void policies(ArrayNode names, List<InstancePolicy> policies) {
        policies.forEach(policy -> names.add(policy.apiName()));
    }

    @EventHandler
    void on(ReadModelsRebuildRequested event, @MessageIdentifier String eventId) {
        ObjectNode data = entry(event.by(), "rebuild");
        ArrayNode names = data.putArray("read_models");
        event.readModels().forEach(names::add);
        insert(eventId, event.at(), data, event.by().accountId(), List.of());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM moderation_log_view");
        jdbc.update("DELETE FROM moderation_account_name");
    }

    @QueryHandler
    public List<ModerationLogQueries.Entry> handle(ModerationLogQueries.Entries query) {
        List<Object> args = new ArrayList<>();
        String where = where(query.filter(), args);
        String limit = "";
        if (query.pageSize() > 0) {
            limit = " LIMIT ? OFFSET ?";
            args.add(query.pageSize());
            args.add((long) Math.max(0, query.page() - 1) * query.pageSize());
        }
        return jdbc.query("SELECT logged_at, data::text FROM moderation_log_view" + where
                        + " ORDER BY logged_at DESC, seq DESC" + limit,
                (rs, row) -> new ModerationLogQueries.Entry(rs.getTimestamp(1).toInstant(), rs.getString(2)),
                args.toArray());
    }

    @QueryHandler
    public Integer handle(ModerationLogQueries.Count query) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT count(*) FROM moderation_log_view" + where(query.filter(), args),
                Integer.class, args.toArray());
    }

    private static String where(ModerationLogQueries.Filter filter, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (filter.actorId() != null) {
            clauses.add("actor_id = ?");
            args.add(filter.actorId());
        }
        if (filter.subjectId() != null) {
            clauses.add("subject_ids @> ARRAY[?]::text[]");
            args.add(filter.subjectId());
        }
        if (filter.action() != null) {
            clauses.add("action = ?");
            args.add(filter.action());
        }
        if (filter.from() != null) {
            clauses.add("logged_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("logged_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private void subjectEntry(String eventId, Moderator by, String action, String accountId, String nickname,
                              Instant at) {
        ObjectNode data = entry(by, action);
        data.set("subject", user(accountId, nickname));
        insert(eventId, at, data, by.accountId(), List.of(accountId));
    }

    private void tagEntry(String eventId, String action, List<AccountRef> accounts, List<String> tags, Moderator by,
                          Instant at) {
        ObjectNode data = entry(by, action);
        ArrayNode nicknames = data.putArray("nicknames");
        accounts.forEach(account -> nicknames.add(account.nickname()));
        ArrayNode tagList = data.putArray("tags");
        tags.forEach(tagList::add);
        insert(eventId, at, data, by.accountId(), ids(accounts));
    }

    private void roleEntry(String eventId, String action, String byNickname, String accountId, String nickname,
                           String permission, Instant at) {
        Moderator by = moderatorByNickname(byNickname);
        ObjectNode data = entry(by, action);
        data.set("subject", user(accountId, nickname));
        data.put("permission", permission);
        insert(eventId, at, data, by.accountId(), List.of(accountId));
    }

    private ObjectNode entry(Moderator by, String action) {
        ObjectNode data = JSON.objectNode();
        data.set("actor", user(by.accountId(), by.nickname()));
        data.put("action", action);
        return data;
    }

    private static ObjectNode user(String id, String nickname) {
        ObjectNode user = JSON.objectNode();
        user.put("id", id);
        user.put("nickname", nickname);
        user.put("type", "user");
        return user;
    }

    /** Events name some actors by id (an account, or a fixed name such as the admin token). */
    private Moderator moderatorById(String actor) {
        return jdbc.query("SELECT nickname FROM moderation_account_name WHERE account_id = ?",
                        (rs, row) -> new Moderator(actor, rs.getString(1)), actor)
                .stream().findFirst().orElse(new Moderator(null, actor));
    }

    /** Role events name the actor by nickname (nicknames never change), or a fixed name for the command line. */
    private Moderator moderatorByNickname(String actor) {
        return jdbc.query("SELECT account_id FROM moderation_account_name WHERE nickname = ?",
                        (rs, row) -> new Moderator(rs.getString(1), actor), actor)
                .stream().findFirst().orElse(new Moderator(null, actor));
    }

    private static List<String> ids(List<AccountRef> accounts) {
        return accounts.stream().map(AccountRef::accountId).toList();
    }

    private void insert(String eventId, Instant at, ObjectNode data, String actorId, List<String> subjectIds) {
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO moderation_log_view (event_id, logged_at, action, "
                    + "actor_id, subject_ids, data) VALUES (?, ?, ?, ?, ?, ?::json) ON CONFLICT (event_id) DO NOTHING");
            statement.setString(1, eventId);
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setString(3, data.get("action").asText());
            statement.setString(4, actorId);
            statement.setArray(5, con.createArrayOf("text", subjectIds.toArray()));
            statement.setString(6, json);
            return statement;
        });
    }
}
