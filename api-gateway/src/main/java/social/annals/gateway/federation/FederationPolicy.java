package social.annals.gateway.federation;

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
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.UnfollowReason;
import social.annals.events.social.FollowRequestRejected;
import social.annals.events.social.FollowRequested;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.ConsistencyBarrier;
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
    private final Outbound outbound;
    private final JdbcTemplate jdbc;
    private final ConsistencyBarrier barrier;

    FederationPolicy(Queries queries, LocalActors local, ActivityDocuments documents, Urls urls, Outbound outbound,
                     JdbcTemplate jdbc, ConsistencyBarrier barrier) {
        this.queries = queries;
        this.local = local;
        this.documents = documents;
        this.urls = urls;
        this.outbound = outbound;
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
        RemoteActor followed = outbound.remote(followedId);
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
        outbound.send(new Activity(ActivityStreams.CONTEXT, followId, "Follow", follow.actor(),
                follow.followed().actorUri(), List.of(follow.followed().actorUri()), null, null), follow.follower(),
                List.of(follow.followed().inbox()));
    }

    /**
     * A local account's unfollow of a remote one sends the Undo of its Follow; a remote follower
     * removed because its domain was blocked gets a Reject of its Follow, as Mastodon sends.
     */
    @EventHandler
    void on(AccountUnfollowed event, TrackingToken token) {
        if (event.reason() == UnfollowReason.DOMAIN_BLOCKED) {
            awaitRemoteActors(token);
            answerFollow(event.followerId(), event.followedId(), "Reject", event.unfollowedAt().toEpochMilli());
            return;
        }
        OutgoingFollow follow = outgoing(event.followerId(), event.followedId(), token);
        if (follow == null) {
            return;
        }
        String followId = remembered(event.followerId(), event.followedId());
        Activity undone = new Activity(null, followId, "Follow", follow.actor(), follow.followed().actorUri(), null,
                null, null);
        outbound.send(new Activity(ActivityStreams.CONTEXT, (followId == null ? follow.actor() + "#follows/"
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
        RemoteActor follower = outbound.remote(followerId);
        AccountView followed = local.byId(followedId);
        if (follower == null || followed == null) {
            return;
        }
        String actor = urls.actor(followed.nickname());
        Activity follow = new Activity(null, remembered(followerId, followedId), "Follow", follower.actorUri(), actor,
                null, null, null);
        outbound.send(new Activity(ActivityStreams.CONTEXT, actor + "#" + type.toLowerCase() + "s/" + followerId + "/"
                + at, type, actor, follow, List.of(follower.actorUri()), null, null), followed,
                List.of(follower.inbox()));
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
            inboxes.addAll(outbound.followerInboxes(author.accountId()));
        }
        queries.many(new RemoteActorQueries.ByAccountIds(event.mentionedIds()), RemoteActor.class)
                .forEach(mentioned -> inboxes.add(mentioned.deliveryInbox()));
        outbound.send(documents.create(documents.notes(found).get(0)), author, inboxes);
    }

    @EventHandler
    void on(StatusDeleted event) {
        AccountView author = local.byId(event.authorId());
        if (author == null) {
            return;
        }
        String actor = urls.actor(author.nickname());
        String object = urls.object(event.statusId());
        outbound.send(new Activity(ActivityStreams.CONTEXT, object + "#delete", "Delete", actor,
                Map.of("id", object, "type", "Tombstone"), List.of(ActivityStreams.PUBLIC), null, null), author,
                outbound.followerInboxes(author.accountId()));
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
        outbound.send(new Activity(ActivityStreams.CONTEXT, person.id() + "#updates/"
                + event.updatedAt().toEpochMilli(), "Update", person.id(), person, List.of(ActivityStreams.PUBLIC), null,
                null), account, outbound.followerInboxes(account.accountId()));
    }

    /**
     * The remote account an event names may have been discovered in the same transaction, and the
     * read model that knows where it lives is processed apart from this policy: it must have caught up.
     */
    private void awaitRemoteActors(TrackingToken token) {
        barrier.awaitReadModelsOf(token.position().orElse(0), RemoteAccountDiscovered.class);
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
