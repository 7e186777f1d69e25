package social.annals.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.account.ProfileUpdated;
import social.annals.events.federation.ActivityReceived;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.report.ReportFiled;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountUnblocked;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.FollowRequestRejected;
import social.annals.events.social.FollowRequested;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.StatusReacted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.StatusUnfavourited;
import social.annals.events.status.StatusUnreacted;
import social.annals.events.status.StatusUnreblogged;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.federation.delivery.DeliveryScheduling.Deliveries;
import social.annals.gateway.federation.document.Activity;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Turns what local accounts do into activities for other servers, and schedules their delivery:
 * posts and their deletion to the author's remote followers' servers (once per shared inbox) and
 * to the remote accounts mentioned; follows of remote accounts, their undoing, and our answers to
 * remote follows to the other account; profile changes to the remote followers. A process, so it
 * is never replayed: that would deliver everything again.
 */
@Component
@ProcessingGroup("policy-federation")
@DisallowReplay
class FederationPolicy {

    private final Queries queries;
    private final LocalActors local;
    private final ActivityDocuments documents;
    private final Urls urls;
    private final Deliveries deliveries;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final ConsistencyBarrier barrier;

    FederationPolicy(Queries queries, LocalActors local, ActivityDocuments documents, Urls urls,
                     Deliveries deliveries, ObjectMapper json, JdbcTemplate jdbc, ConsistencyBarrier barrier) {
        this.queries = queries;
        this.local = local;
        this.documents = documents;
        this.urls = urls;
        this.deliveries = deliveries;
        this.json = json;
        this.jdbc = jdbc;
        this.barrier = barrier;
    }

    /** A remote Follow: remembered, so that our Accept or Reject names it. */
    @EventHandler
    void on(ActivityReceived event) {
        if (!"Follow".equals(event.type())) {
            return;
        }
        AccountView followed = local.byUri(event.objectUri());
        if (followed != null) {
            remember(event.actorId(), followed.accountId(), event.activityUri());
        }
    }

    /** A local account following a remote one: what a Follow or its Undo is made of. */
    private record OutgoingFollow(AccountView follower, String actor, RemoteActor followed) {
    }

    private OutgoingFollow outgoing(String followerId, String followedId, TrackingToken token) {
        awaitRemoteActors(token);
        AccountView follower = local.byId(followerId);
        RemoteActor followed = remote(followedId);
        return follower == null || followed == null ? null
                : new OutgoingFollow(follower, urls.actor(follower.nickname()), followed);
    }

    @EventHandler
    void on(FollowRequested event, TrackingToken token) {
        OutgoingFollow follow = outgoing(event.followerId(), event.followedId(), token);
        if (follow == null) {
            return;
        }
        String followId = follow.actor() + "#follows/" + event.followedId() + "/" + event.requestedAt().toEpochMilli();
        remember(event.followerId(), event.followedId(), followId);
        send(new Activity(ActivityStreams.CONTEXT, followId, "Follow", follow.actor(), follow.followed().actorUri(),
                List.of(follow.followed().actorUri()), null, null), follow.follower(), List.of(follow.followed().inbox()));
    }

    @EventHandler
    void on(AccountUnfollowed event, TrackingToken token) {
        OutgoingFollow follow = outgoing(event.followerId(), event.followedId(), token);
        if (follow == null) {
            return;
        }
        String followId = remembered(event.followerId(), event.followedId());
        Activity undone = new Activity(null, followId, "Follow", follow.actor(), follow.followed().actorUri(), null,
                null, null);
        send(new Activity(ActivityStreams.CONTEXT, (followId == null ? follow.actor() + "#follows/"
                + event.followedId() : followId) + "/undo/" + event.unfollowedAt().toEpochMilli(), "Undo",
                follow.actor(), undone, List.of(follow.followed().actorUri()), null, null), follow.follower(),
                List.of(follow.followed().inbox()));
    }

    @EventHandler
    void on(AccountFollowed event, TrackingToken token) {
        awaitRemoteActors(token);
        answerFollow(event.followerId(), event.followedId(), "Accept", event.followedAt().toEpochMilli());
    }

    @EventHandler
    void on(FollowRequestRejected event, TrackingToken token) {
        awaitRemoteActors(token);
        answerFollow(event.followerId(), event.followedId(), "Reject", event.rejectedAt().toEpochMilli());
    }

    private void answerFollow(String followerId, String followedId, String type, long at) {
        RemoteActor follower = remote(followerId);
        AccountView followed = local.byId(followedId);
        if (follower == null || followed == null) {
            return;
        }
        String actor = urls.actor(followed.nickname());
        Activity follow = new Activity(null, remembered(followerId, followedId), "Follow", follower.actorUri(), actor,
                null, null, null);
        send(new Activity(ActivityStreams.CONTEXT, actor + "#" + type.toLowerCase() + "s/" + followerId + "/" + at,
                type, actor, follow, List.of(follower.actorUri()), null, null), followed, List.of(follower.inbox()));
    }

    /** Waits for the statuses read model, which the Note is rendered from. */
    @EventHandler
    void on(StatusPosted event, TrackingToken token) {
        AccountView author = local.byId(event.authorId());
        if (author == null) {
            return;
        }
        barrier.awaitReadModelsOf(token.position().orElse(0), StatusPosted.class, RemoteAccountDiscovered.class);
        List<StatusView> found = queries.many(new StatusQueries.ByIds(List.of(event.statusId())), StatusView.class);
        if (found.isEmpty()) {
            return; // deleted meanwhile: its Delete goes to nobody who saw it
        }
        Set<String> inboxes = new LinkedHashSet<>();
        if (event.visibility() != Visibility.DIRECT) {
            inboxes.addAll(followerInboxes(author.accountId()));
        }
        queries.many(new RemoteActorQueries.ByAccountIds(event.mentionedIds()), RemoteActor.class)
                .forEach(mentioned -> inboxes.add(mentioned.deliveryInbox()));
        send(documents.create(documents.notes(found).get(0)), author, inboxes);
    }

    @EventHandler
    void on(StatusDeleted event) {
        AccountView author = local.byId(event.authorId());
        if (author == null) {
            return;
        }
        String actor = urls.actor(author.nickname());
        String object = urls.object(event.statusId());
        send(new Activity(ActivityStreams.CONTEXT, object + "#delete", "Delete", actor,
                Map.of("id", object, "type", "Tombstone"), List.of(ActivityStreams.PUBLIC), null, null), author,
                followerInboxes(author.accountId()));
    }

    /**
     * A report of a remote account that its reporter asked to forward: a Flag from the instance
     * actor (not the reporter, as Mastodon does) to the account's server, naming the reported posts.
     */
    @EventHandler
    void on(ReportFiled event) {
        RemoteActor reported = event.forward() ? remote(event.accountId()) : null;
        if (reported == null) {
            return;
        }
        List<Object> object = new ArrayList<>(List.of(reported.actorUri()));
        queries.many(new StatusQueries.ByIds(event.statusIds()), StatusView.class).stream()
                .filter(status -> !status.local()).forEach(status -> object.add(status.remote().uri()));
        String actor = urls.instanceActor();
        Activity flag = new Activity(ActivityStreams.CONTEXT, actor + "#flags/" + event.reportId(), "Flag", actor,
                object, List.of(reported.actorUri()), null, null, event.comment());
        schedule(flag, null, List.of(reported.deliveryInbox()));
    }

    /** A local account's block of a remote one: a Block to its inbox (as Pleroma sends by default). */
    @EventHandler
    void on(AccountBlocked event) {
        AccountView blocker = local.byId(event.blockerId());
        RemoteActor blocked = blocker == null ? null : remote(event.blockedId());
        if (blocked == null) {
            return;
        }
        String actor = urls.actor(blocker.nickname());
        String id = actor + "#blocks/" + event.blockedId() + "/" + event.blockedAt().toEpochMilli();
        jdbc.update("INSERT INTO federation_sent_activity (kind, account_id, object_key, activity_uri) "
                + "VALUES ('Block', ?, ?, ?) ON CONFLICT (kind, account_id, object_key) "
                + "DO UPDATE SET activity_uri = EXCLUDED.activity_uri", event.blockerId(), event.blockedId(), id);
        send(new Activity(ActivityStreams.CONTEXT, id, "Block", actor, blocked.actorUri(),
                List.of(blocked.actorUri()), null, null), blocker, List.of(blocked.inbox()));
    }

    @EventHandler
    void on(AccountUnblocked event) {
        AccountView blocker = local.byId(event.blockerId());
        RemoteActor blocked = blocker == null ? null : remote(event.blockedId());
        if (blocked == null) {
            return;
        }
        String actor = urls.actor(blocker.nickname());
        String id = sentActivity("Block", event.blockerId(), event.blockedId(), actor + "#blocks/" + event.blockedId());
        Activity undone = new Activity(null, id, "Block", actor, blocked.actorUri(), null, null, null);
        send(new Activity(ActivityStreams.CONTEXT, id + "/undo/" + event.unblockedAt().toEpochMilli(), "Undo", actor,
                undone, List.of(blocked.actorUri()), null, null), blocker, List.of(blocked.inbox()));
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
                + "DO UPDATE SET activity_uri = EXCLUDED.activity_uri", type, accountId, objectKey(statusId, emoji), id);
        send(interactionActivity(ActivityStreams.CONTEXT, id, type, interaction, emoji), interaction.account(),
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
        send(new Activity(ActivityStreams.CONTEXT, id + "/undo/" + at.toEpochMilli(), "Undo", interaction.actor(),
                undone, List.of(interaction.author().actorUri()), null, null), interaction.account(),
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
        send(new Activity(ActivityStreams.CONTEXT, announce.id(), announce.type(), announce.actor(), announce.object(),
                announce.to(), announce.cc(), announce.published()), boost.account(), boostAudience(boost));
    }

    @EventHandler
    void on(StatusUnreblogged event) {
        Interaction boost = interaction(event.accountId(), event.statusId());
        if (boost == null) {
            return;
        }
        Activity announce = announce(boost, event.reblogId(), null);
        send(new Activity(ActivityStreams.CONTEXT, announce.id() + "/undo", "Undo", boost.actor(), announce,
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
                status.local() ? null : remote(status.authorId()));
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
        Set<String> inboxes = new LinkedHashSet<>(followerInboxes(boost.account().accountId()));
        if (boost.author() != null) {
            inboxes.add(boost.author().deliveryInbox());
        }
        return inboxes;
    }

    @EventHandler
    void on(ProfileUpdated event, TrackingToken token) {
        AccountView account = local.byId(event.accountId());
        if (account == null) {
            return;
        }
        barrier.awaitReadModelsOf(token.position().orElse(0), ProfileUpdated.class);
        account = local.byId(event.accountId());
        var person = documents.person(account);
        if (person == null) {
            return;
        }
        send(new Activity(ActivityStreams.CONTEXT, person.id() + "#updates/" + event.updatedAt().toEpochMilli(),
                "Update", person.id(), person, List.of(ActivityStreams.PUBLIC), null, null), account,
                followerInboxes(account.accountId()));
    }

    /**
     * The remote account an event names may have been discovered in the same transaction, and the
     * read model that knows where it lives is processed apart from this policy: it must have caught up.
     */
    private void awaitRemoteActors(TrackingToken token) {
        barrier.awaitReadModelsOf(token.position().orElse(0), RemoteAccountDiscovered.class);
    }

    private List<String> followerInboxes(String accountId) {
        return queries.many(new RemoteActorQueries.FollowerInboxes(accountId), String.class);
    }

    private RemoteActor remote(String accountId) {
        return queries.many(new RemoteActorQueries.ByAccountIds(List.of(accountId)), RemoteActor.class).stream()
                .findFirst().orElse(null);
    }

    private void send(Activity activity, AccountView signer, Collection<String> inboxes) {
        schedule(activity, signer.accountId(), inboxes);
    }

    /** {@code signerId} null: signed by the instance actor. */
    private void schedule(Activity activity, String signerId, Collection<String> inboxes) {
        if (inboxes.isEmpty()) {
            return;
        }
        try {
            deliveries.schedule(activity.id(), json.writeValueAsString(activity), signerId, inboxes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An activity we render is always JSON", e);
        }
    }

    private void remember(String followerId, String followedId, String activityUri) {
        jdbc.update("INSERT INTO federation_follow (follower_id, followed_id, activity_uri) VALUES (?, ?, ?) "
                + "ON CONFLICT (follower_id, followed_id) DO UPDATE SET activity_uri = EXCLUDED.activity_uri",
                followerId, followedId, activityUri);
    }

    private String remembered(String followerId, String followedId) {
        return jdbc.query("SELECT activity_uri FROM federation_follow WHERE follower_id = ? AND followed_id = ?",
                (rs, row) -> rs.getString(1), followerId, followedId).stream().findFirst().orElse(null);
    }
}
