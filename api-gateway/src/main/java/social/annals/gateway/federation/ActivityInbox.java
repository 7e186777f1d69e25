package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.axonframework.commandhandling.gateway.CommandGateway;
import social.annals.command.federation.InboundActivityCommands;
import social.annals.command.DomainRefusal;
import social.annals.command.social.RelationshipCommands;
import social.annals.command.status.StatusCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Verified activities, as Mastodon and Pleroma take them: the inbox records each activity it
 * understands as received (its JSON in the event, so a rebuild never fetches it again) and answers
 * at once; {@link InboxProcess} then acts on it. A redelivered activity is not received again, and
 * one of another type is dropped.
 */
@Component
public class ActivityInbox {

    private static final Logger log = LoggerFactory.getLogger(ActivityInbox.class);
    private static final Set<String> UNDERSTOOD = Set.of("Follow", "Undo", "Accept", "Reject", "Update", "Create",
            "Delete");

    private final Commands commands;
    private final RemoteActors actors;
    private final LocalActors localActors;
    private final RemoteNotes notes;
    private final Queries queries;

    public ActivityInbox(Commands commands, RemoteActors actors, LocalActors localActors, RemoteNotes notes,
                         Queries queries) {
        this.commands = commands;
        this.actors = actors;
        this.localActors = localActors;
        this.notes = notes;
        this.queries = queries;
    }

    /**
     * Records the activity as received, to be acted on by {@link InboxProcess}; answers false when
     * it was received before or is of a type we do not act on (then nothing is recorded).
     */
    public boolean receive(JsonNode activity, String json, RemoteActor sender) {
        String type = ActorDocumentReader.text(activity, "type");
        if (!UNDERSTOOD.contains(type)) {
            return false;
        }
        boolean[] fresh = {false};
        commands.inOneTransactionWithoutReadYourWrites(bus -> fresh[0] = bus.sendAndWait(
                InboundActivityCommands.Receive.of(idOf(activity), type, sender.accountId(),
                        idOf(activity.get("object")), json)));
        return fresh[0];
    }

    /** Acts on a received activity, on the caller's bus (its transaction). */
    public void act(JsonNode activity, RemoteActor sender, CommandGateway bus) {
        String type = ActorDocumentReader.text(activity, "type");
        JsonNode object = activity.get("object");
        try {
            switch (type == null ? "" : type) {
                case "Follow" -> follow(sender, object, bus);
                case "Undo" -> undo(sender, object, bus);
                case "Accept", "Reject" -> answer(sender, object, type.equals("Accept"), bus);
                case "Update" -> update(sender, object, bus);
                case "Create" -> create(sender, object, bus);
                case "Delete" -> delete(sender, object, bus);
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

    /** Only an undone follow is understood here; the object is the Follow, embedded, as Mastodon and Pleroma send it. */
    private void undo(RemoteActor sender, JsonNode object, CommandGateway bus) {
        if (object == null || !"Follow".equals(ActorDocumentReader.text(object, "type"))
                || !sender.actorUri().equals(idOf(object.get("actor")))) {
            return;
        }
        AccountView followed = localActor(idOf(object.get("object")));
        if (followed != null) {
            bus.sendAndWait(new RelationshipCommands.UndoFollow(sender.accountId(), followed.accountId()));
        }
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

    /** A profile change: only the actor's own document, which the signature vouches for. */
    private void update(RemoteActor sender, JsonNode object, CommandGateway bus) {
        if (object != null && object.isObject() && sender.actorUri().equals(idOf(object))) {
            actors.update(object, bus);
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

    /** A deleted note of the sender's own; anyone else's is left alone. */
    private void delete(RemoteActor sender, JsonNode object, CommandGateway bus) {
        String objectId = idOf(object);
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
