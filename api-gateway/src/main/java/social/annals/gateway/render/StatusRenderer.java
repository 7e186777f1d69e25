package social.annals.gateway.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.Application;
import social.annals.gateway.render.entity.Attachment;
import social.annals.gateway.render.entity.BoostPleroma;
import social.annals.gateway.render.entity.Emoji;
import social.annals.gateway.render.entity.EmojiReaction;
import social.annals.gateway.render.entity.Mention;
import social.annals.gateway.render.entity.PlainText;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.render.entity.StatusPleroma;
import social.annals.gateway.render.entity.Tag;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * The Mastodon Status entity with Pleroma's extension, for a viewer. A page is rendered with a
 * fixed number of queries: the boosted originals, the accounts, the viewer's favourites and boosts.
 */
@Component
public class StatusRenderer {

    private final Queries queries;
    private final AccountRenderer accounts;
    private final Urls urls;

    public StatusRenderer(Queries queries, AccountRenderer accounts, Urls urls) {
        this.queries = queries;
        this.accounts = accounts;
        this.urls = urls;
    }

    public Status render(StatusView status, ApiPrincipal viewer) {
        return renderAll(List.of(status), viewer).get(0);
    }

    public List<Status> renderAll(List<StatusView> statuses, ApiPrincipal viewer) {
        return renderAll(statuses, viewer, Map.of());
    }

    /** As {@link #renderAll(List, ApiPrincipal)}, with accounts the caller has looked up already. */
    public List<Status> renderAll(List<StatusView> statuses, ApiPrincipal viewer, Map<String, AccountView> known) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        Map<String, StatusView> originals = new HashMap<>();
        List<String> boosted = statuses.stream().map(StatusView::reblogOfId).filter(id -> id != null).distinct().toList();
        if (!boosted.isEmpty()) {
            queries.many(new StatusQueries.ByIds(boosted), StatusView.class)
                    .forEach(original -> originals.put(original.statusId(), original));
        }

        Set<String> accountIds = new LinkedHashSet<>();
        List<StatusView> all = new ArrayList<>(statuses);
        all.addAll(originals.values());
        for (StatusView status : all) {
            accountIds.add(status.authorId());
            accountIds.addAll(status.mentionedIds());
        }
        Map<String, AccountView> views = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String accountId : accountIds) {
            AccountView view = known.get(accountId);
            if (view != null) {
                views.put(accountId, view);
            } else {
                unknown.add(accountId);
            }
        }
        if (!unknown.isEmpty()) {
            queries.many(new AccountQueries.ByIds(unknown), AccountView.class)
                    .forEach(view -> views.put(view.accountId(), view));
        }
        Map<String, Account> renderedAccounts = new HashMap<>();
        // Authors are rendered without a viewer, as Pleroma does (no relationship inside statuses).
        accounts.renderAll(List.copyOf(views.values()), null)
                .forEach(rendered -> renderedAccounts.put(rendered.id(), rendered));

        List<String> flagIds = all.stream().map(StatusView::statusId).toList();
        StatusQueries.Flags flags = viewer == null || !viewer.isUser()
                ? StatusQueries.Flags.NONE
                : queries.one(new StatusQueries.ViewerFlags(viewer.accountId(), flagIds), StatusQueries.Flags.class);

        Map<String, StatusQueries.Media> media = new HashMap<>();
        List<String> mediaIds = all.stream().flatMap(status -> status.mediaIds().stream()).distinct().toList();
        if (!mediaIds.isEmpty()) {
            queries.many(new StatusQueries.MediaByIds(mediaIds), StatusQueries.Media.class)
                    .forEach(file -> media.put(file.mediaId(), file));
        }

        Context context = new Context(renderedAccounts, views, flags, media);
        List<Status> out = new ArrayList<>(statuses.size());
        for (StatusView status : statuses) {
            if (status.reblogOfId() == null) {
                out.add(status(status, context));
            } else {
                StatusView original = originals.get(status.reblogOfId());
                if (original != null) {
                    out.add(boost(status, status(original, context), renderedAccounts));
                }
            }
        }
        return out;
    }

    /** What one page's statuses are rendered from, each looked up once for the whole page. */
    private record Context(Map<String, Account> renderedAccounts, Map<String, AccountView> views,
                           StatusQueries.Flags flags, Map<String, StatusQueries.Media> media) {
    }

    private Status status(StatusView status, Context context) {
        Map<String, AccountView> views = context.views();
        StatusQueries.Flags flags = context.flags();
        String id = status.statusId();
        List<Attachment> attachments = status.remote() != null ? remoteAttachments(status)
                : status.mediaIds().isEmpty() ? List.of() : status.mediaIds().stream()
                .map(context.media()::get).filter(java.util.Objects::nonNull).map(this::attachment).toList();
        List<Mention> mentions = new ArrayList<>(status.mentionedIds().size());
        for (String mentionedId : status.mentionedIds()) {
            AccountView mentioned = views.get(mentionedId);
            if (mentioned != null) {
                mentions.add(new Mention(mentioned.accountId(), mentioned.nickname(), AccountRenderer.username(mentioned),
                        urls.profile(mentioned)));
            }
        }
        List<Tag> tags = status.tags().stream().map(tag -> new Tag(tag, urls.base() + "/tag/" + tag, null)).toList();
        String spoilerText = status.spoilerText() == null ? "" : TextFormatter.stripTags(status.spoilerText());
        AccountView repliedTo = status.inReplyToAccountId() == null ? null : views.get(status.inReplyToAccountId());
        StatusPleroma pleroma = new StatusPleroma(status.local(), status.conversationId(),
                repliedTo == null ? null : repliedTo.nickname(),
                new PlainText(TextFormatter.toPlainText(status.contentHtml())), new PlainText(spoilerText),
                flags.threadMuted().contains(id), reactions(status, flags), null);
        String uri = status.local() ? urls.object(id) : status.remote().uri();
        String url = status.local() ? urls.notice(id) : status.remote().url() != null ? status.remote().url() : uri;
        return new Status(id, uri, url,
                context.renderedAccounts().get(status.authorId()), status.inReplyToId(), status.inReplyToAccountId(),
                null, status.contentHtml() == null ? "" : status.contentHtml(), Dates.mastodon(status.createdAt()),
                status.reblogsCount(), status.favouritesCount(), status.repliesCount(), flags.reblogged().contains(id),
                flags.favourited().contains(id), flags.bookmarked().contains(id), flags.muted().contains(id),
                status.pinned(), status.sensitive() || status.tags().contains("nsfw"), spoilerText,
                status.visibility().toLowerCase(Locale.ROOT), attachments, mentions, tags,
                status.emojis().stream().map(this::emoji).toList(), null, null,
                new Application(status.applicationName() == null ? "Web" : status.applicationName(), null), null,
                status.editedAt() == null ? null : Dates.mastodon(status.editedAt()), pleroma);
    }

    /** Pleroma's {@code emoji_reactions}: per emoji in order of first use, with whether the viewer is among them. */
    private static List<EmojiReaction> reactions(StatusView status, StatusQueries.Flags flags) {
        Set<String> mine = flags.reactedWith().getOrDefault(status.statusId(), Set.of());
        List<EmojiReaction> out = new ArrayList<>(status.reactions().size());
        for (StatusView.Reactions reaction : status.reactions()) {
            out.add(new EmojiReaction(reaction.emoji(), reaction.count(), mine.contains(reaction.emoji()), reaction.url(),
                    null));
        }
        return out;
    }

    /** The boost wrapper: its own id and booster, the original inside {@code reblog}. */
    private static Status boost(StatusView boost, Status original, Map<String, Account> renderedAccounts) {
        return new Status(boost.statusId(), original.uri(), original.url(), renderedAccounts.get(boost.authorId()),
                null, null, original, original.content(), Dates.mastodon(boost.createdAt()), 0, 0, 0,
                original.reblogged(), original.favourited(), original.bookmarked(), false, false, false, "", "public",
                original.mediaAttachments(), List.of(), original.tags(), List.of(), null, null, original.application(),
                null, null, BoostPleroma.LOCAL);
    }

    /** An emoji embedded in a status: no tags, and not offered in the picker (Mastodon's shape). */
    private Emoji emoji(CustomEmoji emoji) {
        String url = urls.resolve(emoji.imageUrl());
        return new Emoji(emoji.shortcode(), url, url, false, null);
    }

    /** Another server's attachments, shown from where it serves them; their ids are the status's, numbered. */
    private static List<Attachment> remoteAttachments(StatusView status) {
        List<Attachment> out = new ArrayList<>();
        List<social.annals.events.status.RemoteOrigin.RemoteAttachment> remote = status.remote().attachments();
        for (int i = 0; i < remote.size(); i++) {
            var file = remote.get(i);
            String mime = file.mediaType() == null ? "" : file.mediaType();
            out.add(new Attachment(status.statusId() + "-" + i, file.url(), file.url(), file.url(), file.url(),
                    kind(mime), file.description(), new Attachment.Pleroma(mime)));
        }
        return out;
    }

    private static String kind(String mime) {
        return mime.startsWith("image/") ? "image" : mime.startsWith("video/") ? "video"
                : mime.startsWith("audio/") ? "audio" : "unknown";
    }

    /** Mastodon's Attachment, as Pleroma 1.x renders it: every URL the same, the type from the MIME type. */
    public Attachment attachment(StatusQueries.Media media) {
        String url = urls.base() + "/media/" + media.mediaId();
        String mime = media.mimeType();
        return new Attachment(media.mediaId(), url, url, url, url, kind(mime), media.description(),
                new Attachment.Pleroma(mime));
    }
}
