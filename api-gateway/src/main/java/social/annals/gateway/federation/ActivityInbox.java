package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
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
 * Acts on a verified activity. Each one it understands is recorded as received together with what
 * it does, in one transaction, so a redelivered activity does nothing and a failed one leaves no
 * trace; what it does not understand (or that concerns nobody here) is dropped.
 */
@Component
public class ActivityInbox {

    /** What became of an activity. */
    public enum Outcome { ACCEPTED, DUPLICATE, IGNORED }

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

    public Outcome accept(JsonNode activity, RemoteActor sender) {
        String type = ActorDocumentReader.text(activity, "type");
        JsonNode object = activity.get("object");
        return switch (type == null ? "" : type) {
            case "Follow" -> follow(activity, sender, object);
            case "Undo" -> undo(activity, sender, object);
            case "Accept", "Reject" -> answer(activity, sender, object, type.equals("Accept"));
            case "Update" -> update(activity, sender, object);
            case "Create" -> create(activity, sender, object);
            case "Delete" -> delete(activity, sender, object);
            default -> Outcome.IGNORED;
        };
    }

    private Outcome follow(JsonNode activity, RemoteActor sender, JsonNode object) {
        AccountView followed = localActor(idOf(object));
        if (followed == null) {
            return Outcome.IGNORED;
        }
        return received(activity, sender, idOf(object), bus -> bus.sendAndWait(new RelationshipCommands.Follow(
                sender.accountId(), followed.accountId(), followed.locked(), null)));
    }

    /** Only an undone follow is understood here; the object is the Follow, embedded, as Mastodon and Pleroma send it. */
    private Outcome undo(JsonNode activity, RemoteActor sender, JsonNode object) {
        if (object == null || !"Follow".equals(ActorDocumentReader.text(object, "type"))
                || !sender.actorUri().equals(idOf(object.get("actor")))) {
            return Outcome.IGNORED;
        }
        AccountView followed = localActor(idOf(object.get("object")));
        if (followed == null) {
            return Outcome.IGNORED;
        }
        return received(activity, sender, idOf(object), bus -> bus.sendAndWait(new RelationshipCommands.UndoFollow(
                sender.accountId(), followed.accountId())));
    }

    /**
     * The answer to a follow of ours: the object is our Follow, embedded (its actor is our account)
     * or by the id we gave it, which names our account.
     */
    private Outcome answer(JsonNode activity, RemoteActor sender, JsonNode object, boolean accepted) {
        String followId = idOf(object);
        String followerUri = object != null && object.isObject() ? idOf(object.get("actor")) : followerOf(followId);
        if (object != null && object.isObject() && !"Follow".equals(ActorDocumentReader.text(object, "type"))) {
            return Outcome.IGNORED;
        }
        AccountView follower = localActor(followerUri);
        if (follower == null) {
            return Outcome.IGNORED;
        }
        return received(activity, sender, followId, bus -> bus.sendAndWait(accepted
                ? new RelationshipCommands.AuthorizeFollowRequest(sender.accountId(), follower.accountId())
                : new RelationshipCommands.RejectFollowRequest(sender.accountId(), follower.accountId())));
    }

    /** A profile change: only the actor's own document, which the signature vouches for. */
    private Outcome update(JsonNode activity, RemoteActor sender, JsonNode object) {
        if (object == null || !object.isObject() || !sender.actorUri().equals(idOf(object))) {
            return Outcome.IGNORED;
        }
        return received(activity, sender, sender.actorUri(), bus -> actors.update(object, bus));
    }

    /** A note, embedded or by its id (then fetched, so that what we keep is what its server serves). */
    private Outcome create(JsonNode activity, RemoteActor sender, JsonNode object) {
        JsonNode note = object;
        if (object != null && object.isTextual()) {
            try {
                note = actors.fetchJson(ActorDocumentReader.uri(object.asText(), "object"));
            } catch (RemoteDocumentRejected e) {
                return Outcome.IGNORED;
            }
        }
        if (note == null || !note.isObject()) {
            return Outcome.IGNORED;
        }
        JsonNode received = note;
        return received(activity, sender, idOf(note), bus -> {
            if (notes.receive(received, sender, bus) == null) {
                throw NotWanted.INSTANCE;
            }
        });
    }

    /** Rolls back the receipt of an activity that concerns nobody here: it is dropped like an unknown one. */
    private static final class NotWanted extends RuntimeException {
        static final NotWanted INSTANCE = new NotWanted();

        private NotWanted() {
            super("Not for anyone here", null, false, false);
        }
    }

    /** A deleted note of the sender's own; anyone else's is left alone. */
    private Outcome delete(JsonNode activity, RemoteActor sender, JsonNode object) {
        String objectId = idOf(object);
        StatusView status = objectId == null ? null : queries.one(new StatusQueries.ByUri(objectId), StatusView.class);
        if (status == null || !sender.accountId().equals(status.authorId())) {
            return Outcome.IGNORED;
        }
        return received(activity, sender, objectId, bus -> bus.sendAndWait(
                new StatusCommands.Delete(status.statusId(), sender.accountId(), false)));
    }

    private Outcome received(JsonNode activity, RemoteActor sender, String objectUri, Consumer<CommandGateway> effect) {
        String id = idOf(activity);
        String type = ActorDocumentReader.text(activity, "type");
        boolean[] fresh = {false};
        try {
            commands.inOneTransactionWithoutReadYourWrites(bus -> {
                fresh[0] = bus.sendAndWait(InboundActivityCommands.Receive.of(id, type, sender.accountId(),
                        objectUri));
                if (fresh[0]) {
                    effect.accept(bus);
                }
            });
        } catch (RuntimeException e) {
            Throwable cause = ApiErrorHandler.unwrap(e);
            if (cause instanceof NotWanted || cause instanceof DomainRefusal) {
                return Outcome.IGNORED; // refused as a local request would be (a status deleted already): nothing recorded
            }
            throw e;
        }
        return fresh[0] ? Outcome.ACCEPTED : Outcome.DUPLICATE;
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
