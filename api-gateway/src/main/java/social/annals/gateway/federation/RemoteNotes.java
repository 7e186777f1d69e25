package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.status.StatusCommands;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.federation.InstancePolicy;
import social.annals.events.status.RemoteOrigin;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Turns Notes of other servers into statuses here: visibility from the addressing as Mastodon
 * does it, content sanitised, the content warning from {@code summary}, hashtags, mentions of
 * accounts we know, custom emoji and attachments as links, and a reply threaded under its parent
 * when we have it or can fetch it (three levels up at most). The instance policies of its author's
 * server apply: none from a rejected one; attachments removed or marked sensitive, public posts
 * kept off the public timeline or shown to followers only.
 */
@Component
public class RemoteNotes {

    private static final Set<String> PUBLIC = Set.of(ActivityStreams.PUBLIC, "as:Public", "Public");
    private static final Set<String> NOTE_TYPES = Set.of("Note", "Article", "Page", "Question");
    private static final int MAX_PARENTS_FETCHED = 3;

    private final Queries queries;
    private final RemoteActors actors;
    private final LocalActors local;
    private final FlakeIdGenerator ids;
    private final Urls urls;
    private final HostPolicies policies;

    public RemoteNotes(Queries queries, RemoteActors actors, LocalActors local, FlakeIdGenerator ids, Urls urls,
                       HostPolicies policies) {
        this.policies = policies;
        this.queries = queries;
        this.actors = actors;
        this.local = local;
        this.ids = ids;
        this.urls = urls;
    }

    /**
     * Records the note of the sender, on the caller's bus; answers its status id, or null when it is
     * not one we want (nobody here follows its author and it addresses nobody here) or not a note.
     */
    public String receive(JsonNode note, RemoteActor author, CommandGateway bus) {
        Received received = receive(note, author, bus, 0);
        return received == null ? null : received.statusId();
    }

    /** What threading a reply or boosting needs of a status (the read models may not show it yet). */
    public record Received(String statusId, String authorId, String conversationId, String visibility) {

        static Received of(StatusView status) {
            return new Received(status.statusId(), status.authorId(), status.conversationId(), status.visibility());
        }
    }

    private Received receive(JsonNode note, RemoteActor author, CommandGateway bus, int depth) {
        String id = ActivityInbox.idOf(note);
        if (id == null || !NOTE_TYPES.contains(ActorDocumentReader.text(note, "type"))
                || !author.actorUri().equals(ActivityInbox.idOf(note.get("attributedTo")))) {
            return null;
        }
        ActorDocumentReader.uri(id, "id");
        HostPolicies.Applied applied = policies.forUri(author.actorUri());
        if (applied.rejected()) {
            return null;
        }
        StatusView known = queries.one(new StatusQueries.ByUri(id), StatusView.class);
        if (known != null) {
            return Received.of(known);
        }
        Set<String> addressed = new LinkedHashSet<>();
        List<String> to = links(note.get("to"));
        List<String> cc = links(note.get("cc"));
        addressed.addAll(to);
        addressed.addAll(cc);
        for (JsonNode tag : array(note.get("tag"))) {
            if ("Mention".equals(ActorDocumentReader.text(tag, "type")) && ActorDocumentReader.text(tag, "href") != null) {
                addressed.add(ActorDocumentReader.text(tag, "href"));
            }
        }
        List<String> mentioned = mentionedAccounts(addressed);
        boolean forSomeoneHere = depth > 0 || mentioned.stream().anyMatch(accountId -> local.byId(accountId) != null)
                || Boolean.TRUE.equals(queries.one(new RemoteActorQueries.HasLocalFollowers(author.accountId()),
                Boolean.class));
        if (!forSomeoneHere) {
            return null;
        }
        String statusId = ids.next();
        Received parent = parent(ActivityInbox.idOf(note.get("inReplyTo")), bus, depth);
        Content content = content(note, applied);
        StatusPosted status = new StatusPosted(statusId, author.accountId(), content.text(), content.html(),
                content.summary(), restricted(visibility(to, cc, author), applied), content.sensitive(),
                parent == null ? null : parent.statusId(), parent == null ? null : parent.authorId(),
                parent == null ? statusId : parent.conversationId(), mentioned, content.tags(), content.emojis(),
                List.of(), null, published(note),
                new RemoteOrigin(id, ActorDocumentReader.link(note.get("url")), content.attachments()));
        String recorded = bus.sendAndWait(new StatusCommands.Receive(status));
        return new Received(recorded, author.accountId(), status.conversationId(), status.visibility().name());
    }

    /**
     * An edited note (an {@code Update}) of a status we have by the same author: what it says now
     * replaces what it said, under its server's instance policies; its addressing and thread stay.
     */
    public void edit(JsonNode note, RemoteActor author, CommandGateway bus) {
        String id = ActivityInbox.idOf(note);
        if (id == null || !NOTE_TYPES.contains(ActorDocumentReader.text(note, "type"))
                || !author.actorUri().equals(ActivityInbox.idOf(note.get("attributedTo")))) {
            return;
        }
        HostPolicies.Applied applied = policies.forUri(author.actorUri());
        StatusView known = queries.one(new StatusQueries.ByUri(id), StatusView.class);
        if (applied.rejected() || known == null || !known.authorId().equals(author.accountId())) {
            return;
        }
        Content content = content(note, applied);
        bus.sendAndWait(new StatusCommands.ReceiveEdit(known.statusId(), author.accountId(), content.text(),
                content.html(), content.summary(), content.sensitive(), content.tags(), content.emojis(),
                content.attachments(), updated(note)));
    }

    /** What a note says, sanitised, under its server's instance policies. */
    private record Content(String text, String html, String summary, boolean sensitive, List<String> tags,
                           List<CustomEmoji> emojis, List<RemoteOrigin.RemoteAttachment> attachments) {
    }

    private static Content content(JsonNode note, HostPolicies.Applied applied) {
        Set<String> tags = new LinkedHashSet<>();
        List<CustomEmoji> emojis = new ArrayList<>();
        for (JsonNode tag : array(note.get("tag"))) {
            String type = ActorDocumentReader.text(tag, "type");
            String name = ActorDocumentReader.text(tag, "name");
            if ("Hashtag".equals(type) && name != null) {
                tags.add(name.replaceFirst("^#", "").toLowerCase(Locale.ROOT));
            } else if ("Emoji".equals(type) && name != null && ActorDocumentReader.link(tag.get("icon")) != null) {
                emojis.add(new CustomEmoji(name.replace(":", ""), ActorDocumentReader.link(tag.get("icon")), List.of()));
            }
        }
        String html = RemoteHtml.sanitize(ActorDocumentReader.text(note, "content"));
        String summary = RemoteHtml.text(ActorDocumentReader.text(note, "summary"));
        List<RemoteOrigin.RemoteAttachment> attachments = applied.has(InstancePolicy.MEDIA_REMOVAL) ? List.of()
                : attachments(note);
        boolean sensitive = note.path("sensitive").asBoolean(false)
                || (applied.has(InstancePolicy.MEDIA_NSFW) && !attachments.isEmpty());
        return new Content(RemoteHtml.text(html), html, summary == null ? "" : summary, sensitive, List.copyOf(tags),
                emojis, attachments);
    }

    /** Mastodon's rule: public in {@code to} is public, in {@code cc} unlisted; the followers collection is private. */
    static Visibility visibility(List<String> to, List<String> cc, RemoteActor author) {
        if (to.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.PUBLIC;
        }
        if (cc.stream().anyMatch(PUBLIC::contains)) {
            return Visibility.UNLISTED;
        }
        String followers = author.followersUri();
        if (followers != null && (to.contains(followers) || cc.contains(followers))) {
            return Visibility.PRIVATE;
        }
        return Visibility.DIRECT;
    }

    /** Pleroma's federated_timeline_removal makes a public post unlisted; followers_only makes it private. */
    private static Visibility restricted(Visibility visibility, HostPolicies.Applied applied) {
        if (applied.has(InstancePolicy.FOLLOWERS_ONLY)
                && (visibility == Visibility.PUBLIC || visibility == Visibility.UNLISTED)) {
            return Visibility.PRIVATE;
        }
        if (applied.has(InstancePolicy.FEDERATED_TIMELINE_REMOVAL) && visibility == Visibility.PUBLIC) {
            return Visibility.UNLISTED;
        }
        return visibility;
    }

    /** The accounts we know among those addressed: local ones, and remote ones we have met (never fetched here). */
    private List<String> mentionedAccounts(Set<String> addressed) {
        List<String> out = new ArrayList<>();
        for (String uri : addressed) {
            AccountView mine = local.byUri(uri);
            if (mine != null) {
                out.add(mine.accountId());
                continue;
            }
            RemoteActor remote = PUBLIC.contains(uri) ? null : actors.byActorUri(uri);
            if (remote != null) {
                out.add(remote.accountId());
            }
        }
        return out;
    }

    /** The status replied to: ours, one we have, or fetched from its server. */
    private Received parent(String uri, CommandGateway bus, int depth) {
        if (uri == null) {
            return null;
        }
        String ours = urls.object("");
        if (uri.startsWith(ours)) {
            List<StatusView> found = queries.many(new StatusQueries.ByIds(List.of(uri.substring(ours.length()))),
                    StatusView.class);
            return found.isEmpty() || !found.get(0).local() ? null : Received.of(found.get(0));
        }
        StatusView known = queries.one(new StatusQueries.ByUri(uri), StatusView.class);
        if (known != null) {
            return Received.of(known);
        }
        if (depth >= MAX_PARENTS_FETCHED) {
            return null;
        }
        return fetched(uri, "inReplyTo", bus, depth + 1);
    }

    /**
     * A status someone here will see boosted: fetched from its server and kept whoever it addresses.
     * Answers it, or null when its server does not vouch for it.
     */
    public Received fetchBoosted(String uri, CommandGateway bus) {
        return fetched(uri, "object", bus, 1);
    }

    /** A note fetched by its id, kept only when its author is of the same host as the id. */
    private Received fetched(String uri, String field, CommandGateway bus, int depth) {
        try {
            JsonNode fetched = actors.fetchJson(ActorDocumentReader.uri(uri, field));
            String authorUri = ActivityInbox.idOf(fetched.get("attributedTo"));
            if (!uri.equals(ActivityInbox.idOf(fetched)) || authorUri == null
                    || !URI.create(authorUri).getHost().equalsIgnoreCase(URI.create(uri).getHost())) {
                return null;
            }
            return receive(fetched, actors.resolve(authorUri), bus, depth);
        } catch (RemoteDocumentRejected | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<RemoteOrigin.RemoteAttachment> attachments(JsonNode note) {
        List<RemoteOrigin.RemoteAttachment> out = new ArrayList<>();
        for (JsonNode attachment : array(note.get("attachment"))) {
            String url = ActorDocumentReader.link(attachment.get("url"));
            if (url != null) {
                out.add(new RemoteOrigin.RemoteAttachment(url, ActorDocumentReader.text(attachment, "mediaType"),
                        ActorDocumentReader.text(attachment, "name")));
            }
        }
        return out;
    }

    private static Instant updated(JsonNode note) {
        return instant(ActorDocumentReader.text(note, "updated"));
    }

    private static Instant published(JsonNode note) {
        return instant(ActorDocumentReader.text(note, "published"));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.now() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    static List<String> links(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(node)) {
            String id = ActivityInbox.idOf(item);
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    static List<JsonNode> array(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }
}
