package social.annals.gateway.federation;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import social.annals.gateway.api.Queries;
import social.annals.gateway.emoji.EmojiInText;
import social.annals.gateway.federation.document.Activity;
import social.annals.gateway.federation.document.Actor;
import social.annals.gateway.federation.document.Image;
import social.annals.gateway.federation.document.Note;
import social.annals.gateway.federation.document.Tag;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.federation.ActorKeyQueries;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** Renders local accounts and statuses as the ActivityPub documents other servers fetch and receive. */
@Component
public class ActivityDocuments {

    private final Queries queries;
    private final Urls urls;
    private final EmojiInText emoji;
    private final ActorKeys keys;

    public ActivityDocuments(Queries queries, Urls urls, EmojiInText emoji, ActorKeys keys) {
        this.queries = queries;
        this.urls = urls;
        this.emoji = emoji;
        this.keys = keys;
    }

    /** Null when the account no longer has a key (it was deleted meanwhile). */
    public Actor person(AccountView account) {
        ActorKeyQueries.SigningKey key = keys.of(account.accountId());
        if (key == null) {
            return null;
        }
        String id = urls.actor(account.nickname());
        List<Tag> emojiTags = emoji.in(account.displayName(), account.bio()).stream()
                .map(found -> Tag.emoji(found.shortcode(), urls.resolve(found.imageUrl()))).toList();
        return new Actor(ActivityStreams.CONTEXT, id, "Person", account.nickname(),
                account.displayName() == null ? account.nickname() : account.displayName(),
                account.noteHtml() == null ? "" : account.noteHtml(), id, urls.inbox(account.nickname()),
                id + "/outbox", id + "/followers", id + "/following", id + "/collections/featured",
                new Actor.Endpoints(urls.sharedInbox()),
                new Actor.PublicKey(urls.actorKey(account.nickname()), id, key.publicKeyPem()),
                Image.of(urls.defaultAvatar()), Image.of(urls.defaultHeader()), account.locked(), true, emojiTags,
                List.of(), instant(account.createdAt()));
    }

    public Actor instanceActor() {
        String id = urls.instanceActor();
        return new Actor(ActivityStreams.CONTEXT, id, "Application", "internal.fetch", "internal.fetch", "", id,
                urls.sharedInbox(), id + "/outbox", null, null, null, new Actor.Endpoints(urls.sharedInbox()),
                new Actor.PublicKey(id + "#main-key", id, keys.instanceActor().publicKeyPem()), null, null, false,
                false, List.of(), List.of(), null);
    }

    /** The statuses as Notes, in the same order; their authors and mentioned accounts are looked up together. */
    public List<Note> notes(List<StatusView> statuses) {
        List<String> accountIds = statuses.stream()
                .flatMap(status -> Stream.concat(Stream.of(status.authorId()), status.mentionedIds().stream()))
                .distinct().toList();
        Map<String, AccountView> accounts = accountIds.isEmpty() ? Map.of()
                : queries.many(new AccountQueries.ByIds(accountIds), AccountView.class).stream()
                .collect(Collectors.toMap(AccountView::accountId, Function.identity()));
        List<String> mediaIds = statuses.stream().flatMap(status -> status.mediaIds().stream()).distinct().toList();
        Map<String, StatusQueries.Media> media = mediaIds.isEmpty() ? Map.of()
                : queries.many(new StatusQueries.MediaByIds(mediaIds), StatusQueries.Media.class).stream()
                .collect(Collectors.toMap(StatusQueries.Media::mediaId, Function.identity()));
        List<String> parentIds = statuses.stream().map(StatusView::inReplyToId).filter(Objects::nonNull).distinct()
                .toList();
        Map<String, String> parentUris = new HashMap<>();
        if (!parentIds.isEmpty()) {
            queries.many(new StatusQueries.ByIds(parentIds), StatusView.class).forEach(parent -> parentUris.put(
                    parent.statusId(), parent.local() ? urls.object(parent.statusId()) : parent.remote().uri()));
        }
        return statuses.stream().map(status -> note(status, accounts, media, parentUris)).toList();
    }

    private Note note(StatusView status, Map<String, AccountView> accounts, Map<String, StatusQueries.Media> media,
                      Map<String, String> parentUris) {
        AccountView author = accounts.get(status.authorId());
        String authorUri = urls.actor(author.nickname());
        List<String> mentioned = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        for (String mentionedId : status.mentionedIds()) {
            AccountView account = accounts.get(mentionedId);
            if (account != null) {
                mentioned.add(urls.actorUri(account));
                tags.add(Tag.mention(urls.actorUri(account),
                        account.local() ? account.nickname() + "@" + urls.host() : account.nickname()));
            }
        }
        status.tags().forEach(tag -> tags.add(Tag.hashtag(urls.base() + "/tag/" + tag, tag)));
        status.emojis().forEach(found -> tags.add(Tag.emoji(found.shortcode(), urls.resolve(found.imageUrl()))));
        Addressing addressing = Addressing.of(status.visibility(), authorUri + "/followers", mentioned);
        List<Note.Attachment> attachments = status.mediaIds().stream().map(media::get)
                .filter(Objects::nonNull)
                .map(file -> new Note.Attachment("Document", file.mimeType(), urls.base() + "/media/" + file.mediaId(),
                        file.description()))
                .toList();
        String spoiler = status.spoilerText() == null || status.spoilerText().isEmpty() ? null : status.spoilerText();
        return new Note(ActivityStreams.CONTEXT, urls.object(status.statusId()), "Note", authorUri, spoiler,
                status.contentHtml(), status.sensitive() || spoiler != null,
                status.inReplyToId() == null ? null : parentUris.getOrDefault(status.inReplyToId(),
                        urls.object(status.inReplyToId())), instant(status.createdAt()),
                urls.notice(status.statusId()), addressing.to(), addressing.cc(),
                urls.base() + "/contexts/" + status.conversationId(), tags, attachments);
    }

    /** The actor URIs of these accounts, in the same order; accounts that no longer exist are left out. */
    public List<String> actorUris(List<String> accountIds) {
        Map<String, String> uris = actorUriById(accountIds);
        return accountIds.stream().map(uris::get).filter(Objects::nonNull).toList();
    }

    private Map<String, String> actorUriById(List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return queries.many(new AccountQueries.ByIds(accountIds), AccountView.class).stream()
                .collect(Collectors.toMap(AccountView::accountId, account -> urls.actor(account.nickname())));
    }

    /** Posts as their Create activities and boosts as Announce, in the same order, for embedding in a page. */
    public List<Activity> activities(List<StatusView> statuses) {
        List<StatusView> originals = statuses.stream().filter(status -> status.reblogOfId() == null).toList();
        List<Note> rendered = notes(originals);
        Map<String, Note> notes = new HashMap<>();
        for (int i = 0; i < originals.size(); i++) {
            notes.put(originals.get(i).statusId(), rendered.get(i).embedded());
        }
        List<StatusView> boosts = statuses.stream().filter(status -> status.reblogOfId() != null).toList();
        Map<String, String> boosters = actorUriById(boosts.stream().map(StatusView::authorId).distinct().toList());
        Map<String, String> boosted = boosts.isEmpty() ? Map.of()
                : queries.many(new StatusQueries.ByIds(boosts.stream().map(StatusView::reblogOfId).distinct().toList()),
                StatusView.class).stream().collect(Collectors.toMap(StatusView::statusId,
                        original -> original.local() ? urls.object(original.statusId()) : original.remote().uri()));
        return statuses.stream().map(status -> status.reblogOfId() == null ? create(notes.get(status.statusId()))
                : announce(status, boosters.get(status.authorId()), boosted.get(status.reblogOfId())))
                .filter(Objects::nonNull).toList();
    }

    /** A boost of a post of ours or of another server's, by that post's own URI. */
    private Activity announce(StatusView boost, String booster, String boostedUri) {
        if (booster == null || boostedUri == null) {
            return null;
        }
        return new Activity(null, urls.activity(boost.statusId()), "Announce", booster, boostedUri,
                List.of(ActivityStreams.PUBLIC), List.of(booster + "/followers"), instant(boost.createdAt()));
    }

    /** The activity that published the note, at the note's id plus {@code /activity}. */
    public Activity create(Note note) {
        return new Activity(note.context(), note.id() + "/activity", "Create", note.attributedTo(),
                note.embedded(), note.to(), note.cc(), note.published());
    }

    static String instant(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Mastodon's addressing for each visibility: who is in {@code to}, who in {@code cc}. */
    record Addressing(List<String> to, List<String> cc) {

        static Addressing of(String visibility, String followers, List<String> mentioned) {
            List<String> withFollowers = new ArrayList<>(List.of(followers));
            withFollowers.addAll(mentioned);
            switch (visibility.toLowerCase(Locale.ROOT)) {
                case "public":
                    return new Addressing(List.of(ActivityStreams.PUBLIC), withFollowers);
                case "unlisted": {
                    List<String> cc = new ArrayList<>(List.of(ActivityStreams.PUBLIC));
                    cc.addAll(mentioned);
                    return new Addressing(List.of(followers), cc);
                }
                case "private":
                    return new Addressing(List.of(followers), List.copyOf(mentioned));
                default:
                    return new Addressing(List.copyOf(mentioned), List.of());
            }
        }
    }
}
