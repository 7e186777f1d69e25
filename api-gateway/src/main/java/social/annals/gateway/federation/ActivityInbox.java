package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import social.annals.command.DomainRefusal;
import social.annals.command.federation.RemoteAccountCommands;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.report.ReportCommands;
import social.annals.command.social.RelationshipCommands;
import social.annals.command.status.StatusCommands;
import social.annals.events.federation.InstancePolicy;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.Urls;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Acting on verified activities, as Mastodon and Pleroma take them: the inbox records each
 * activity it understands as received ({@link InboxRecords}: its JSON in the event, so a rebuild
 * never fetches it again) and answers at once; {@link InboxProcess} then acts on it here.
 */
@Component
public class ActivityInbox {

    private static final Logger log = LoggerFactory.getLogger(ActivityInbox.class);
    private static final Set<String> UNDERSTOOD = Set.of("Follow", "Undo", "Accept", "Reject", "Update", "Create",
            "Delete", "Like", "Announce", "EmojiReact", "Block", "Flag");

    private final RemoteActors actors;
    private final LocalActors localActors;
    private final RemoteNotes notes;
    private final Queries queries;
    private final Urls urls;
    private final FlakeIdGenerator ids;
    private final HostPolicies policies;
    private final ReceivedActivities received;

    public ActivityInbox(RemoteActors actors, LocalActors localActors, RemoteNotes notes,
                         Queries queries, Urls urls, FlakeIdGenerator ids, HostPolicies policies,
                         ReceivedActivities received) {
        this.policies = policies;
        this.received = received;
        this.actors = actors;
        this.localActors = localActors;
        this.notes = notes;
        this.queries = queries;
        this.urls = urls;
        this.ids = ids;
    }

    /** Whether activities of this type are acted on (others are dropped). */
    public static boolean understands(String type) {
        return UNDERSTOOD.contains(type);
    }

    /**
     * Acts on a received activity, on the caller's bus (its transaction), unless a policy set since
     * it was received rejects its server, or it is a report and reports from there are removed:
     * then it is recorded as rejected.
     */
    public void act(JsonNode activity, RemoteActor sender, CommandGateway bus) {
        String type = ActorDocumentReader.text(activity, "type");
        JsonNode object = activity.get("object");
        HostPolicies.Applied applied = policies.forUri(sender.actorUri());
        InstancePolicy stoppedBy = applied.rejected() ? applied.rejectedBy()
                : "Flag".equals(type) && applied.has(InstancePolicy.REPORT_REMOVAL) ? InstancePolicy.REPORT_REMOVAL
                : null;
        if (stoppedBy != null) {
            bus.sendAndWait(InboxRecords.rejection(activity, sender.actorUri(), stoppedBy));
            return;
        }
        try {
            switch (type == null ? "" : type) {
                case "Follow" -> follow(sender, object, bus);
                case "Undo" -> undo(sender, object, bus);
                case "Accept", "Reject" -> answer(sender, object, type.equals("Accept"), bus);
                case "Update" -> update(sender, object, bus);
                case "Create" -> create(sender, object, bus);
                case "Delete" -> delete(sender, object, bus);
                case "Like" -> like(sender, object, bus);
                case "Block" -> block(sender, object, bus);
                case "Flag" -> flag(sender, object, ActorDocumentReader.text(activity, "content"), bus);
                case "EmojiReact" -> react(sender, object, ReactionEmoji.of(activity, sender), bus);
                case "Announce" -> announce(sender, object, bus);
                default -> { }
            }
        } catch (RuntimeException e) {
            if (!(ApiErrorHandler.unwrap(e) instanceof DomainRefusal refusal)) {
                throw e;
            }
            // Refused as a local request would be (a status deleted already): nothing was recorded.
            log.info("Activity {} of {} refused: {}", idOf(activity), sender.actorUri(), refusal.getMessage());
        }
    }

    private void follow(RemoteActor sender, JsonNode object, CommandGateway bus) {
        AccountView followed = localActor(idOf(object));
        if (followed != null) {
            bus.sendAndWait(new RelationshipCommands.Follow(sender.accountId(), followed.accountId(),
                    followed.locked(), null));
        }
    }

    /**
     * An undone follow, block, like, reaction or boost. The object is the undone activity, embedded, as Mastodon and
     * Pleroma send it, or its id, then taken from what we received; only its own actor may undo it.
     */
    private void undo(RemoteActor sender, JsonNode object, CommandGateway bus) {
        if (object != null && object.isTextual()) {
            object = received.byId(object.asText());
        }
        if (object == null || !object.isObject() || !sender.actorUri().equals(idOf(object.get("actor")))) {
            return;
        }
        switch (String.valueOf(ActorDocumentReader.text(object, "type"))) {
            case "Follow" -> {
                AccountView followed = localActor(idOf(object.get("object")));
                if (followed != null) {
                    bus.sendAndWait(new RelationshipCommands.UndoFollow(sender.accountId(), followed.accountId()));
                }
            }
            case "Block" -> {
                AccountView blocked = localActor(idOf(object.get("object")));
                if (blocked != null) {
                    bus.sendAndWait(new RelationshipCommands.Unblock(sender.accountId(), blocked.accountId()));
                }
            }
            case "Like" -> {
                StatusView liked = statusFor(sender, idOf(object.get("object")));
                if (liked != null) {
                    bus.sendAndWait(new StatusCommands.Unfavourite(sender.accountId(), liked.statusId(),
                            liked.authorId()));
                }
            }
            case "EmojiReact" -> {
                StatusView reacted = statusFor(sender, idOf(object.get("object")));
                ReactionEmoji emoji = ReactionEmoji.of(object, sender);
                if (reacted != null && emoji != null) {
                    bus.sendAndWait(new StatusCommands.Unreact(sender.accountId(), reacted.statusId(),
                            reacted.authorId(), emoji.name()));
                }
            }
            case "Announce" -> {
                StatusView boosted = statusFor(sender, idOf(object.get("object")));
                if (boosted != null) {
                    bus.sendAndWait(new StatusCommands.Unreblog(sender.accountId(), boosted.statusId()));
                }
            }
            default -> { }
        }
    }

    /** A block of one of ours: as a local block, it ends the follows between the two both ways. */
    private void block(RemoteActor sender, JsonNode object, CommandGateway bus) {
        AccountView blocked = localActor(idOf(object));
        if (blocked != null) {
            bus.sendAndWait(new RelationshipCommands.Block(sender.accountId(), blocked.accountId()));
        }
    }

    /**
     * A report from another server (Mastodon's and Pleroma's Flag): the object names one of our
     * accounts and, optionally, some of its statuses; it becomes a report for our moderators, filed
     * by the sender (usually that server's instance actor), with the statuses that are that
     * account's and the content as its comment.
     */
    private void flag(RemoteActor sender, JsonNode object, String content, CommandGateway bus) {
        List<String> named = new ArrayList<>();
        for (JsonNode node : object != null && object.isArray() ? object : Collections.singletonList(object)) {
            String uri = idOf(node);
            if (uri != null) {
                named.add(uri);
            }
        }
        AccountView reported = named.stream().map(this::localActor).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (reported == null) {
            return;
        }
        String ours = urls.object("");
        List<String> statusIds = named.stream().filter(uri -> uri.startsWith(ours))
                .map(uri -> uri.substring(ours.length())).distinct().toList();
        List<String> reportedStatuses = statusIds.isEmpty() ? List.of()
                : queries.many(new StatusQueries.ByIds(statusIds), StatusView.class).stream()
                .filter(status -> status.reblogOfId() == null && status.authorId().equals(reported.accountId()))
                .map(StatusView::statusId).sorted().toList();
        String comment = content == null ? null : RemoteHtml.text(content);
        bus.sendAndWait(new ReportCommands.File(ids.next(), sender.accountId(), reported.accountId(),
                reportedStatuses, comment == null || comment.isBlank() ? null : comment, false));
    }

    /** A favourite of a status the sender may see; of any other, nothing. */
    private void like(RemoteActor sender, JsonNode object, CommandGateway bus) {
        StatusView liked = statusFor(sender, idOf(object));
        if (liked != null) {
            bus.sendAndWait(new StatusCommands.Favourite(sender.accountId(), liked.statusId(), liked.authorId()));
        }
    }

    /** Pleroma's emoji reaction to a status the sender may see: one Unicode emoji, or a custom one of its server. */
    private void react(RemoteActor sender, JsonNode object, ReactionEmoji emoji, CommandGateway bus) {
        StatusView reacted = statusFor(sender, idOf(object));
        if (reacted != null && emoji != null) {
            bus.sendAndWait(new StatusCommands.React(sender.accountId(), reacted.statusId(), reacted.authorId(),
                    emoji.name(), emoji.url()));
        }
    }

    /**
     * A boost of a public or unlisted status: ours, one we have, or, when someone here follows the
     * booster, fetched from its server so that their home timelines can show it.
     */
    private void announce(RemoteActor sender, JsonNode object, CommandGateway bus) {
        String objectUri = idOf(object);
        StatusView known = statusFor(sender, objectUri);
        RemoteNotes.Received boosted = known == null ? null : RemoteNotes.Received.of(known);
        if (known == null && objectUri != null && !objectUri.startsWith(urls.object(""))
                && Boolean.TRUE.equals(queries.one(new RemoteActorQueries.HasLocalFollowers(sender.accountId()),
                Boolean.class))) {
            boosted = notes.fetchBoosted(objectUri, bus);
        }
        if (boosted == null || (known != null && known.reblogOfId() != null)
                || !(boosted.visibility().equals("PUBLIC") || boosted.visibility().equals("UNLISTED"))) {
            return;
        }
        bus.sendAndWait(new StatusCommands.Reblog(ids.next(), sender.accountId(), boosted.statusId(),
                boosted.authorId()));
    }

    /** The status a URI names (ours by its URL, a remote one by its id), if the sender may see it. */
    private StatusView statusFor(RemoteActor sender, String uri) {
        if (uri == null) {
            return null;
        }
        String ours = urls.object("");
        String statusId;
        if (uri.startsWith(ours)) {
            statusId = uri.substring(ours.length());
        } else {
            StatusView known = queries.one(new StatusQueries.ByUri(uri), StatusView.class);
            if (known == null) {
                return null;
            }
            statusId = known.statusId();
        }
        return queries.one(new StatusQueries.ById(statusId, sender.accountId()), StatusView.class);
    }

    /**
     * The answer to a follow of ours: the object is our Follow, embedded (its actor is our account)
     * or by the id we gave it, which names our account.
     */
    private void answer(RemoteActor sender, JsonNode object, boolean accepted, CommandGateway bus) {
        if (object != null && object.isObject() && !"Follow".equals(ActorDocumentReader.text(object, "type"))) {
            return;
        }
        String followerUri = object != null && object.isObject() ? idOf(object.get("actor")) : followerOf(idOf(object));
        AccountView follower = localActor(followerUri);
        if (follower != null) {
            bus.sendAndWait(accepted
                    ? new RelationshipCommands.AuthorizeFollowRequest(sender.accountId(), follower.accountId())
                    : new RelationshipCommands.RejectFollowRequest(sender.accountId(), follower.accountId()));
        }
    }

    /**
     * A profile change (only the actor's own document, which the signature vouches for), or an
     * edited note of the sender's own, embedded as Mastodon and Pleroma send it.
     */
    private void update(RemoteActor sender, JsonNode object, CommandGateway bus) {
        if (object == null || !object.isObject()) {
            return;
        }
        if (sender.actorUri().equals(idOf(object))) {
            actors.update(object, bus);
        } else {
            notes.edit(object, sender, bus);
        }
    }

    /** A note, embedded or by its id (then fetched, so that what we keep is what its server serves). */
    private void create(RemoteActor sender, JsonNode object, CommandGateway bus) {
        JsonNode note = object;
        if (object != null && object.isTextual()) {
            try {
                note = actors.fetchJson(ActorDocumentReader.uri(object.asText(), "object"));
            } catch (RemoteDocumentRejected e) {
                return;
            }
        }
        if (note != null && note.isObject()) {
            notes.receive(note, sender, bus);
        }
    }

    /**
     * A deleted note of the sender's own, or the sender itself (then the account and what we have of
     * it go); anyone else's is left alone.
     */
    private void delete(RemoteActor sender, JsonNode object, CommandGateway bus) {
        String objectId = idOf(object);
        if (sender.actorUri().equals(objectId)) {
            bus.sendAndWait(new RemoteAccountCommands.Delete(sender.accountId()));
            return;
        }
        StatusView status = objectId == null ? null : queries.one(new StatusQueries.ByUri(objectId), StatusView.class);
        if (status != null && sender.accountId().equals(status.authorId())) {
            bus.sendAndWait(new StatusCommands.Delete(status.statusId(), sender.accountId(), false));
        }
    }

    private AccountView localActor(String uri) {
        return localActors.byUri(uri);
    }

    /** Our Follow ids are the follower's actor URI with a fragment ({@link FederationPolicy}). */
    private static String followerOf(String followId) {
        if (followId == null) {
            return null;
        }
        int fragment = followId.indexOf('#');
        return fragment < 0 ? null : followId.substring(0, fragment);
    }

    /** An object's id: the value itself when it is a link, else its {@code id}. */
    static String idOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return ActorDocumentReader.text(node, "id");
    }
}
