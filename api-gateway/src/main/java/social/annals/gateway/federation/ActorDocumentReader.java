package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import social.annals.events.federation.RemoteProfile;

/**
 * Reads a remote actor document into what we keep of it. The document must be about an actor
 * on the server it was fetched from (its id on the host we reached), with an inbox and a public
 * key that the actor owns; everything shown to people is sanitised.
 */
final class ActorDocumentReader {

    private static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group",
            "Organization");

    private ActorDocumentReader() {
    }

    static RemoteProfile read(JsonNode actor, URI fetchedFrom) {
        String id = text(actor, "id");
        URI uri = uri(id, "id");
        if (fetchedFrom != null && !uri.getHost().equalsIgnoreCase(fetchedFrom.getHost())) {
            throw new RemoteDocumentRejected("Actor " + id + " was served by another host, " + fetchedFrom.getHost());
        }
        String type = text(actor, "type");
        if (type == null || !ACTOR_TYPES.contains(type)) {
            throw new RemoteDocumentRejected("Not an actor: " + type);
        }
        String username = text(actor, "preferredUsername");
        if (username == null || username.isBlank() || username.contains("@")) {
            throw new RemoteDocumentRejected("Actor " + id + " has no usable preferredUsername");
        }
        String inbox = text(actor, "inbox");
        uri(inbox, "inbox");
        JsonNode key = ownKey(actor.get("publicKey"), id);
        String sharedInbox = text(actor.path("endpoints"), "sharedInbox");
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String name = RemoteHtml.text(text(actor, "name"));
        return new RemoteProfile(id, username, host.toLowerCase(Locale.ROOT),
                name == null || name.isBlank() ? username : name, RemoteHtml.sanitize(text(actor, "summary")),
                link(actor.get("url")), link(actor.get("icon")), link(actor.get("image")), inbox,
                sharedInbox == null ? null : uri(sharedInbox, "sharedInbox").toString(), text(actor, "followers"),
                text(actor, "following"), text(key, "id"), text(key, "publicKeyPem"),
                actor.path("manuallyApprovesFollowers").asBoolean(false), "Service".equals(type));
    }

    /** The key the actor owns: {@code publicKey} may be one object or several. */
    private static JsonNode ownKey(JsonNode keys, String actorId) {
        if (keys != null && keys.isArray()) {
            for (JsonNode key : keys) {
                if (actorId.equals(text(key, "owner"))) {
                    return checked(key, actorId);
                }
            }
            throw new RemoteDocumentRejected("Actor " + actorId + " owns none of its keys");
        }
        if (keys == null || !keys.isObject()) {
            throw new RemoteDocumentRejected("Actor " + actorId + " has no public key");
        }
        return checked(keys, actorId);
    }

    private static JsonNode checked(JsonNode key, String actorId) {
        String owner = text(key, "owner");
        if (owner != null && !owner.equals(actorId)) {
            throw new RemoteDocumentRejected("The key of " + actorId + " belongs to " + owner);
        }
        if (text(key, "id") == null || text(key, "publicKeyPem") == null) {
            throw new RemoteDocumentRejected("Actor " + actorId + " has an incomplete public key");
        }
        return key;
    }

    /** A link given as a URL, an object with {@code url} or {@code href}, or a list of those (the first). */
    static String link(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : link(node.get(0));
        }
        if (node.isTextual()) {
            return httpOrNull(node.asText());
        }
        JsonNode inner = node.has("url") ? node.get("url") : node.get("href");
        return inner == null ? null : link(inner);
    }

    private static String httpOrNull(String url) {
        try {
            URI uri = URI.create(url);
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static URI uri(String value, String field) {
        if (value == null) {
            throw new RemoteDocumentRejected("Missing " + field);
        }
        try {
            URI uri = URI.create(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new RemoteDocumentRejected("Not an http(s) URL in " + field + ": " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RemoteDocumentRejected("Malformed " + field + ": " + value);
        }
    }
}
