package social.annals.gateway.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.entity.Account;
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

    public Map<String, Object> render(StatusView status, ApiPrincipal viewer) {
        return renderAll(List.of(status), viewer).get(0);
    }

    public List<Map<String, Object>> renderAll(List<StatusView> statuses, ApiPrincipal viewer) {
        return renderAll(statuses, viewer, Map.of());
    }

    /** As {@link #renderAll(List, ApiPrincipal)}, with accounts the caller has looked up already. */
    public List<Map<String, Object>> renderAll(List<StatusView> statuses, ApiPrincipal viewer,
                                               Map<String, AccountView> known) {
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
        List<Map<String, Object>> out = new ArrayList<>();
        for (StatusView status : statuses) {
            if (status.reblogOfId() == null) {
                out.add(status(status, context));
            } else {
                StatusView original = originals.get(status.reblogOfId());
                if (original != null) {
                    out.add(boost(status, status(original, context), renderedAccounts, flags));
                }
            }
        }
        return out;
    }

    /** What one page's statuses are rendered from, each looked up once for the whole page. */
    private record Context(Map<String, Account> renderedAccounts, Map<String, AccountView> views,
                           StatusQueries.Flags flags, Map<String, StatusQueries.Media> media) {
    }

    private Map<String, Object> status(StatusView status, Context context) {
        Map<String, Account> renderedAccounts = context.renderedAccounts();
        Map<String, AccountView> views = context.views();
        StatusQueries.Flags flags = context.flags();
        Map<String, StatusQueries.Media> media = context.media();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", status.statusId());
        out.put("uri", urls.base() + "/objects/" + status.statusId());
        out.put("url", urls.base() + "/notice/" + status.statusId());
        out.put("account", renderedAccounts.get(status.authorId()));
        out.put("in_reply_to_id", status.inReplyToId());
        out.put("in_reply_to_account_id", status.inReplyToAccountId());
        out.put("reblog", null);
        out.put("content", status.contentHtml() == null ? "" : status.contentHtml());
        out.put("created_at", Dates.mastodon(status.createdAt()));
        out.put("reblogs_count", status.reblogsCount());
        out.put("favourites_count", status.favouritesCount());
        out.put("replies_count", status.repliesCount());
        out.put("reblogged", flags.reblogged().contains(status.statusId()));
        out.put("favourited", flags.favourited().contains(status.statusId()));
        out.put("bookmarked", flags.bookmarked().contains(status.statusId()));
        out.put("muted", flags.muted().contains(status.statusId()));
        out.put("pinned", status.pinned());
        out.put("sensitive", status.sensitive() || status.tags().contains("nsfw"));
        String spoilerText = status.spoilerText() == null ? "" : TextFormatter.stripTags(status.spoilerText());
        out.put("spoiler_text", spoilerText);
        out.put("visibility", status.visibility().toLowerCase(Locale.ROOT));
        out.put("media_attachments", status.mediaIds().stream().map(media::get).filter(java.util.Objects::nonNull)
                .map(this::attachment).toList());
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (String id : status.mentionedIds()) {
            AccountView mentioned = views.get(id);
            if (mentioned != null) {
                Map<String, Object> mention = new LinkedHashMap<>();
                mention.put("id", mentioned.accountId());
                mention.put("acct", mentioned.nickname());
                mention.put("username", mentioned.nickname());
                mention.put("url", urls.actor(mentioned.nickname()));
                mentions.add(mention);
            }
        }
        out.put("mentions", mentions);
        out.put("tags", status.tags().stream().map(tag -> Map.of("name", tag, "url", urls.base() + "/tag/" + tag))
                .toList());
        out.put("emojis", status.emojis().stream().map(this::emoji).toList());
        out.put("card", null);
        out.put("poll", null);
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("name", status.applicationName() == null ? "Web" : status.applicationName());
        application.put("website", null);
        out.put("application", application);
        out.put("language", null);
        Map<String, Object> pleroma = new LinkedHashMap<>();
        pleroma.put("local", true);
        pleroma.put("conversation_id", status.conversationId());
        AccountView repliedTo = status.inReplyToAccountId() == null ? null : views.get(status.inReplyToAccountId());
        pleroma.put("in_reply_to_account_acct", repliedTo == null ? null : repliedTo.nickname());
        pleroma.put("content", Map.of("text/plain", TextFormatter.toPlainText(status.contentHtml())));
        pleroma.put("spoiler_text", Map.of("text/plain", spoilerText));
        pleroma.put("thread_muted", flags.threadMuted().contains(status.statusId()));
        pleroma.put("emoji_reactions", reactions(status, flags));
        pleroma.put("expires_at", null);
        out.put("pleroma", pleroma);
        return out;
    }

    /** Pleroma's {@code emoji_reactions}: per emoji in order of first use, with whether the viewer is among them. */
    private static List<Map<String, Object>> reactions(StatusView status, StatusQueries.Flags flags) {
        Set<String> mine = flags.reactedWith().getOrDefault(status.statusId(), Set.of());
        List<Map<String, Object>> out = new ArrayList<>(status.reactions().size());
        for (StatusView.Reactions reaction : status.reactions()) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            rendered.put("name", reaction.emoji());
            rendered.put("count", reaction.count());
            rendered.put("me", mine.contains(reaction.emoji()));
            out.add(rendered);
        }
        return out;
    }

    /** The boost wrapper: its own id and booster, the original inside {@code reblog}. */
    private Map<String, Object> boost(StatusView boost, Map<String, Object> original,
                                      Map<String, Account> renderedAccounts, StatusQueries.Flags flags) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", boost.statusId());
        out.put("uri", original.get("uri"));
        out.put("url", original.get("url"));
        out.put("account", renderedAccounts.get(boost.authorId()));
        out.put("in_reply_to_id", null);
        out.put("in_reply_to_account_id", null);
        out.put("reblog", original);
        out.put("content", original.get("content"));
        out.put("created_at", Dates.mastodon(boost.createdAt()));
        out.put("reblogs_count", 0);
        out.put("favourites_count", 0);
        out.put("replies_count", 0);
        out.put("reblogged", original.get("reblogged"));
        out.put("favourited", original.get("favourited"));
        out.put("bookmarked", original.get("bookmarked"));
        out.put("muted", false);
        out.put("pinned", false);
        out.put("sensitive", false);
        out.put("spoiler_text", "");
        out.put("visibility", "public");
        out.put("media_attachments", original.get("media_attachments"));
        out.put("mentions", List.of());
        out.put("tags", original.get("tags"));
        out.put("emojis", List.of());
        out.put("card", null);
        out.put("poll", null);
        out.put("application", original.get("application"));
        out.put("language", null);
        out.put("pleroma", Map.of("local", true, "emoji_reactions", List.of()));
        return out;
    }

    /** An emoji embedded in a status: no tags, and not offered in the picker (Mastodon's shape). */
    private Map<String, Object> emoji(CustomEmoji emoji) {
        Map<String, Object> out = new LinkedHashMap<>();
        String url = urls.resolve(emoji.imageUrl());
        out.put("shortcode", emoji.shortcode());
        out.put("url", url);
        out.put("static_url", url);
        out.put("visible_in_picker", false);
        return out;
    }

    /** Mastodon's Attachment, as Pleroma 1.x renders it: every URL the same, the type from the MIME type. */
    public Map<String, Object> attachment(StatusQueries.Media media) {
        String url = urls.base() + "/media/" + media.mediaId();
        String mime = media.mimeType();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", media.mediaId());
        out.put("url", url);
        out.put("remote_url", url);
        out.put("preview_url", url);
        out.put("text_url", url);
        out.put("type", mime.startsWith("image/") ? "image" : mime.startsWith("video/") ? "video"
                : mime.startsWith("audio/") ? "audio" : "unknown");
        out.put("description", media.description());
        out.put("pleroma", Map.of("mime_type", mime));
        return out;
    }
}
