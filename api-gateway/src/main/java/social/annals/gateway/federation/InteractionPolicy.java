package social.annals.gateway.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.report.ReportFiled;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.AccountUnblocked;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.StatusReacted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.StatusUnfavourited;
import social.annals.events.status.StatusUnreacted;
import social.annals.events.status.StatusUnreblogged;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.document.Activity;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * What local accounts do to others' posts and accounts, sent to the servers concerned: likes and
 * emoji reactions to a remote author, boosts to the booster's remote followers and a remote
 * author, blocks to the blocked account, the Undo of each naming the activity sent (kept in
 * {@code federation_sent_activity}), and forwarded reports as a Flag from the instance actor. Part
 * of the federation policy's group, never replayed.
 */
@Component
@ProcessingGroup("policy-federation")
@DisallowReplay
class InteractionPolicy {

    private final Queries queries;
    private final LocalActors local;
    private final Urls urls;
    private final Outbound outbound;
    private final JdbcTemplate jdbc;

    InteractionPolicy(Queries queries, LocalActors local, Urls urls, Outbound outbound, JdbcTemplate jdbc) {
        this.queries = queries;
        this.local = local;
        this.urls = urls;
        this.outbound = outbound;
        this.jdbc = jdbc;
    }

    /**
     * A report of a remote account that its reporter asked to forward: a Flag from the instance
     * actor (not the reporter, as Mastodon does) to the account's server, naming the reported posts.
     */
    @EventHandler
    void on(ReportFiled event) {
        RemoteActor reported = event.forward() ? outbound.remote(event.accountId()) : null;
        if (reported == null) {
            return;
        }
        List<Object> object = new ArrayList<>(List.of(reported.actorUri()));
        queries.many(new StatusQueries.ByIds(event.statusIds()), StatusView.class).stream()
                .filter(status -> !status.local()).forEach(status -> object.add(status.remote().uri()));
        String actor = urls.instanceActor();
        Activity flag = new Activity(ActivityStreams.CONTEXT, actor + "#flags/" + event.reportId(), "Flag", actor,
                object, List.of(reported.actorUri()), null, null, event.comment());
        outbound.schedule(flag, null, List.of(reported.deliveryInbox()));
    }

    /** A local account's block of a remote one: a Block to its inbox (as Pleroma sends by default). */
    @EventHandler
    void on(AccountBlocked event) {
        AccountView blocker = local.byId(event.blockerId());
        RemoteActor blocked = blocker == null ? null : outbound.remote(event.blockedId());
        if (blocked == null) {
            return;
        }
        String actor = urls.actor(blocker.nickname());
        String id = actor + "#blocks/" + event.blockedId() + "/" + event.blockedAt().toEpochMilli();
        jdbc.update("INSERT INTO federation_sent_activity (kind, account_id, object_key, activity_uri) "
                + "VALUES ('Block', ?, ?, ?) ON CONFLICT (kind, account_id, object_key) "
                + "DO UPDATE SET activity_uri = EXCLUDED.activity_uri", event.blockerId(), event.blockedId(), id);
        outbound.send(new Activity(ActivityStreams.CONTEXT, id, "Block", actor, blocked.actorUri(),
                List.of(blocked.actorUri()), null, null), blocker, List.of(blocked.inbox()));
    }

    @EventHandler
    void on(AccountUnblocked event) {
        AccountView blocker = local.byId(event.blockerId());
        RemoteActor blocked = blocker == null ? null : outbound.remote(event.blockedId());
        if (blocked == null) {
            return;
        }
        String actor = urls.actor(blocker.nickname());
        String id = sentActivity("Block", event.blockerId(), event.blockedId(), actor + "#blocks/" + event.blockedId());
        Activity undone = new Activity(null, id, "Block", actor, blocked.actorUri(), null, null, null);
        outbound.send(new Activity(ActivityStreams.CONTEXT, id + "/undo/" + event.unblockedAt().toEpochMilli(),
                "Undo", actor, undone, List.of(blocked.actorUri()), null, null), blocker, List.of(blocked.inbox()));
    }

    /** A local account's favourite of a remote status: a Like to its author's inbox. */
    @EventHandler
    void on(StatusFavourited event) {
        toAuthor(event.accountId(), event.statusId(), "Like", null, event.favouritedAt());
    }

    @EventHandler
    void on(StatusUnfavourited event) {
        undoToAuthor(event.accountId(), event.statusId(), "Like", null, event.unfavouritedAt());
    }

    /** A local account's reaction to a remote status: Pleroma's EmojiReact, to its author's inbox. */
    @EventHandler
    void on(StatusReacted event) {
        toAuthor(event.accountId(), event.statusId(), "EmojiReact", event.emoji(), event.reactedAt());
    }

    @EventHandler
    void on(StatusUnreacted event) {
        undoToAuthor(event.accountId(), event.statusId(), "EmojiReact", event.emoji(), event.unreactedAt());
    }

    /** A Like or EmojiReact ({@code emoji} its content) of a remote status, remembered for its Undo. */
    private void toAuthor(String accountId, String statusId, String type, String emoji, Instant at) {
        Interaction interaction = interaction(accountId, statusId);
        if (interaction == null || interaction.author() == null) {
            return;
        }
        String id = interaction.actor() + "#" + type.toLowerCase() + "s/" + statusId + "/" + at.toEpochMilli();
        jdbc.update("INSERT INTO federation_sent_activity (kind, account_id, object_key, activity_uri) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (kind, account_id, object_key) "
                + "DO UPDATE SET activity_uri = EXCLUDED.activity_uri", type, accountId, objectKey(statusId, emoji),
                id);
        outbound.send(interactionActivity(ActivityStreams.CONTEXT, id, type, interaction, emoji),
                interaction.account(),
                List.of(interaction.author().inbox()));
    }

    private void undoToAuthor(String accountId, String statusId, String type, String emoji, Instant at) {
        Interaction interaction = interaction(accountId, statusId);
        if (interaction == null || interaction.author() == null) {
            return;
        }
        String id = sentActivity(type, accountId, objectKey(statusId, emoji),
                interaction.actor() + "#" + type.toLowerCase() + "s/" + statusId);
        Activity undone = interactionActivity(null, id, type, interaction, emoji);
        outbound.send(new Activity(ActivityStreams.CONTEXT, id + "/undo/" + at.toEpochMilli(), "Undo",
                interaction.actor(), undone, List.of(interaction.author().actorUri()), null, null),
                interaction.account(),
                List.of(interaction.author().inbox()));
    }

    private static Activity interactionActivity(List<Object> context, String id, String type, Interaction interaction,
                                                String emoji) {
        return new Activity(context, id, type, interaction.actor(), interaction.objectUri(),
                List.of(interaction.author().actorUri()), null, null, emoji);
    }

    /** The id of the activity we sent for what is now undone, or {@code fallback} when none was kept. */
    private String sentActivity(String kind, String accountId, String objectKey, String fallback) {
        return jdbc.query("SELECT activity_uri FROM federation_sent_activity WHERE kind = ? AND account_id = ? "
                + "AND object_key = ?", (rs, row) -> rs.getString(1), kind, accountId, objectKey).stream().findFirst()
                .orElse(fallback);
    }

    private static String objectKey(String statusId, String emoji) {
        return emoji == null ? statusId : statusId + " " + emoji;
    }

    /** A local account's boost: an Announce to its remote followers' servers and to a remote author. */
    @EventHandler
    void on(StatusReblogged event) {
        Interaction boost = interaction(event.accountId(), event.statusId());
        if (boost == null) {
            return;
        }
        Activity announce = announce(boost, event.reblogId(), ActivityDocuments.instant(event.rebloggedAt()));
        outbound.send(new Activity(ActivityStreams.CONTEXT, announce.id(), announce.type(), announce.actor(),
                announce.object(), announce.to(), announce.cc(), announce.published()), boost.account(),
                boostAudience(boost));
    }

    @EventHandler
    void on(StatusUnreblogged event) {
        Interaction boost = interaction(event.accountId(), event.statusId());
        if (boost == null) {
            return;
        }
        Activity announce = announce(boost, event.reblogId(), null);
        outbound.send(new Activity(ActivityStreams.CONTEXT, announce.id() + "/undo", "Undo", boost.actor(), announce,
                announce.to(), announce.cc(), null), boost.account(), boostAudience(boost));
    }

    /** A local account acting on a status: who acts, as which actor, on which object, by whom (if remote). */
    private record Interaction(AccountView account, String actor, String objectUri, RemoteActor author) {
    }

    private Interaction interaction(String accountId, String statusId) {
        AccountView account = local.byId(accountId);
        if (account == null) {
            return null;
        }
        List<StatusView> found = queries.many(new StatusQueries.ByIds(List.of(statusId)), StatusView.class);
        if (found.isEmpty()) {
            return null;
        }
        StatusView status = found.get(0);
        return new Interaction(account, urls.actor(account.nickname()),
                status.local() ? urls.object(status.statusId()) : status.remote().uri(),
                status.local() ? null : outbound.remote(status.authorId()));
    }

    /** Addressed as Mastodon addresses a boost: public, copied to the booster's followers and the author. */
    private Activity announce(Interaction boost, String reblogId, String published) {
        List<String> cc = new ArrayList<>(List.of(boost.actor() + "/followers"));
        if (boost.author() != null) {
            cc.add(boost.author().actorUri());
        }
        return new Activity(null, urls.activity(reblogId), "Announce", boost.actor(), boost.objectUri(),
                List.of(ActivityStreams.PUBLIC), cc, published);
    }

    private Set<String> boostAudience(Interaction boost) {
        Set<String> inboxes = new LinkedHashSet<>(outbound.followerInboxes(boost.account().accountId()));
        if (boost.author() != null) {
            inboxes.add(boost.author().deliveryInbox());
        }
        return inboxes;
    }
}
