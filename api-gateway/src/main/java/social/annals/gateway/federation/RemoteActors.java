package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.stereotype.Component;
import social.annals.command.federation.RemoteAccountCommands;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.events.federation.InstancePolicy;
import social.annals.events.federation.RemoteProfile;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.federation.http.FetchRefused;
import social.annals.gateway.federation.http.GuardedHttp;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/**
 * Accounts of other servers: found in the read model, or fetched from their server (signed by the
 * instance actor) and recorded as an event, so that a rebuild knows them without fetching again.
 * What is recorded of a profile follows its server's instance policies (avatar or banner removed).
 */
@Component
public class RemoteActors {

    private final SignedHttp http;
    private final Queries queries;
    private final Commands commands;
    private final FlakeIdGenerator ids;
    private final ObjectMapper json;
    private final HostPolicies policies;
    private final Cache<String, Boolean> refreshedRecently = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

    public RemoteActors(SignedHttp http, Queries queries, Commands commands, FlakeIdGenerator ids, ObjectMapper json,
                        HostPolicies policies) {
        this.policies = policies;
        this.http = http;
        this.queries = queries;
        this.commands = commands;
        this.ids = ids;
        this.json = json;
    }

    public RemoteActor byKeyId(String keyId) {
        return queries.one(new RemoteActorQueries.ByKeyId(keyId), RemoteActor.class);
    }

    public RemoteActor byActorUri(String actorUri) {
        return queries.one(new RemoteActorQueries.ByActorUri(actorUri), RemoteActor.class);
    }

    /**
     * The known actor, or the actor fetched now. A known actor is fetched again when this node has
     * not done so for a day (someone looks it up: its profile may have changed without an Update
     * reaching us); if its server does not answer, what we know stands.
     */
    public RemoteActor resolve(String actorUri) {
        RemoteActor known = byActorUri(actorUri);
        if (known == null) {
            return fetch(actorUri);
        }
        if (refreshedRecently.getIfPresent(actorUri) == null) {
            refreshedRecently.put(actorUri, Boolean.TRUE);
            try {
                return fetch(actorUri);
            } catch (RemoteDocumentRejected e) {
                return known;
            }
        }
        return known;
    }

    /** Fetches the actor's document again and records what changed. */
    public RemoteActor fetch(String actorUri) {
        return record(fetchProfile(actorUri));
    }

    /** The actor's document as its server serves it now; nothing is recorded. */
    public RemoteProfile fetchProfile(String actorUri) {
        URI uri = ActorDocumentReader.uri(actorUri, "actor");
        return ActorDocumentReader.read(fetchJson(uri), uri);
    }

    /**
     * The actor that owns a key, as its server serves it now, not recorded: the caller records it
     * once the key has verified what it signed. A key id is usually the actor's URL with a
     * fragment; some servers give the key a document of its own, which names its owner.
     */
    public RemoteProfile fetchKeyOwner(String keyId) {
        URI keyUri = ActorDocumentReader.uri(keyId, "keyId");
        URI document = URI.create(keyUri.getScheme() + "://" + keyUri.getRawAuthority() + keyUri.getRawPath()
                + (keyUri.getRawQuery() == null ? "" : "?" + keyUri.getRawQuery()));
        JsonNode fetched = fetchJson(document);
        String owner = ActorDocumentReader.text(fetched, "owner");
        if (owner != null && ActorDocumentReader.text(fetched, "publicKeyPem") != null) {
            return fetchProfile(owner);
        }
        return ActorDocumentReader.read(fetched, document);
    }

    /**
     * Records, on the caller's bus (its transaction), an actor document another server sent us (an
     * {@code Update}); the caller checked that the actor sent it.
     */
    public void update(JsonNode document, org.axonframework.commandhandling.gateway.CommandGateway bus) {
        bus.sendAndWait(new RemoteAccountCommands.Discover(ids.next(), restricted(ActorDocumentReader.read(document,
                null))));
    }

    /** Answers from what was recorded, not from the read model: inside a caller's transaction it has it only later. */
    public RemoteActor record(RemoteProfile profile) {
        String accountId = commands.sendAndWait(new RemoteAccountCommands.Discover(ids.next(), restricted(profile)));
        return new RemoteActor(accountId, profile.actorUri(), profile.host(), profile.publicKeyId(),
                profile.publicKeyPem(), profile.inbox(), profile.sharedInbox(), profile.followersUri());
    }

    private RemoteProfile restricted(RemoteProfile p) {
        HostPolicies.Applied applied = policies.forUri(p.actorUri());
        boolean noAvatar = applied.has(InstancePolicy.AVATAR_REMOVAL);
        boolean noBanner = applied.has(InstancePolicy.BANNER_REMOVAL);
        if (!noAvatar && !noBanner) {
            return p;
        }
        return new RemoteProfile(p.actorUri(), p.username(), p.host(), p.displayName(), p.summaryHtml(), p.url(),
                noAvatar ? null : p.avatarUrl(), noBanner ? null : p.headerUrl(), p.inbox(), p.sharedInbox(),
                p.followersUri(), p.followingUri(), p.publicKeyId(), p.publicKeyPem(), p.locked(), p.bot());
    }

    JsonNode fetchJson(URI uri) {
        GuardedHttp.Response response;
        try {
            response = http.get(uri, null);
        } catch (FetchRefused e) {
            throw new RemoteDocumentRejected("Fetching " + uri + " was refused: " + e.reason(), e);
        }
        if (response.status() != 200) {
            throw new RemoteDocumentRejected("Fetching " + uri + " answered " + response.status());
        }
        try {
            JsonNode document = json.readTree(response.body());
            if (document == null || !document.isObject()) {
                throw new RemoteDocumentRejected("Fetching " + uri + " gave no JSON object");
            }
            return document;
        } catch (IOException e) {
            throw new RemoteDocumentRejected("Fetching " + uri + " gave malformed JSON", e);
        }
    }
}
