package social.annals.gateway.api.status;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.status.StatusCommands;
import social.annals.events.ids.FlakeId;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.emoji.EmojiInText;
import social.annals.gateway.federation.AccountResolver;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.auth.AuthQueries;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Posting a status: what the client sent becomes a {@link StatusCommands.Post} with everything
 * resolved (the text formatted, the parent, the mentioned accounts, custom emoji, the caller's own
 * media, the app), then is posted or previewed, and answered as the statuses read model holds it.
 */
@Component
class Posting {

    private static final int MAX_ATTACHMENTS = 4;
    private static final int MAX_RESOLVED_MENTIONS = 5;

    /** A new status as the client asked for it; null or empty where it gave nothing. */
    record Draft(String text, String spoiler, String inReplyToId, Optional<Visibility> visibility, boolean sensitive,
                 List<String> mediaIds, String idempotencyKey) {
    }

    private final Commands commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;
    private final TextFormatter formatter;
    private final EmojiInText emoji;
    private final AccountResolver remoteAccounts;

    Posting(Commands commands, Queries queries, FlakeIdGenerator ids, TextFormatter formatter,
            EmojiInText emoji, AccountResolver remoteAccounts) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.formatter = formatter;
        this.emoji = emoji;
        this.remoteAccounts = remoteAccounts;
    }

    /** Posts the draft; the answer is the new status as the caller sees it, the author with it counted. */
    StatusView post(Draft draft, ApiPrincipal caller) {
        StatusCommands.Posted posted = commands.sendAndWait(compose(draft, caller));
        StatusView view = queries.one(new StatusQueries.ById(posted.statusId(), caller.accountId()), StatusView.class);
        if (view == null && posted.status() != null) {
            // The read model lags (a rebuild, a database blip): the status is saved all the same.
            view = asReadModelWouldHoldIt(posted.status());
        }
        return view;
    }

    /** The status the draft would make, decided but not saved. */
    StatusView preview(Draft draft, ApiPrincipal caller) {
        StatusPosted preview = commands.sendAndWait(new StatusCommands.Preview(compose(draft, caller)));
        return asReadModelWouldHoldIt(preview);
    }

    /**
     * Other servers' accounts mentioned and not known here are looked up through WebFinger first, as
     * Mastodon does, so that the post links and addresses them; a few at most, each bounded by the
     * fetch timeout, and one that cannot be found stays plain text.
     */
    private void resolveRemoteMentions(String text) {
        for (String acct : formatter.remoteMentions(text).stream().limit(MAX_RESOLVED_MENTIONS).toList()) {
            remoteAccounts.resolve(acct);
        }
    }

    private StatusCommands.Post compose(Draft draft, ApiPrincipal caller) {
        StatusView parent = Optional.ofNullable(draft.inReplyToId()).filter(FlakeId::isWellFormed)
                .map(id -> queries.one(new StatusQueries.ById(id, caller.accountId()), StatusView.class))
                .filter(view -> view.reblogOfId() == null).orElse(null);
        Visibility visibility = draft.visibility()
                .orElse(parent != null ? Visibility.valueOf(parent.visibility()) : Visibility.PUBLIC);
        resolveRemoteMentions(draft.text());
        TextFormatter.Formatted formatted = formatter.format(draft.text().trim());
        Set<String> mentioned = new LinkedHashSet<>();
        formatted.mentioned().forEach(account -> mentioned.add(account.accountId()));
        if (parent != null && !parent.authorId().equals(caller.accountId())) {
            mentioned.add(parent.authorId());
        }
        String applicationName = caller.appId() == null ? null
                : Optional.ofNullable(queries.one(new AuthQueries.AppById(caller.appId()), AuthQueries.App.class))
                .map(AuthQueries.App::name).orElse(null);
        return new StatusCommands.Post(ids.next(), caller.accountId(), draft.text(), formatted.html(),
                draft.spoiler(), visibility, draft.sensitive(), parent == null ? null : parent.statusId(),
                parent == null ? null : parent.authorId(), parent == null ? null : parent.conversationId(),
                List.copyOf(mentioned), formatted.tags(), emoji.in(draft.text(), draft.spoiler()),
                ownMedia(draft.mediaIds(), caller), applicationName, draft.idempotencyKey());
    }

    /** A status as the read model holds it once it has seen it posted (or would, for a preview). */
    private static StatusView asReadModelWouldHoldIt(StatusPosted posted) {
        return new StatusView(posted.statusId(), posted.authorId(), null, posted.text(), posted.contentHtml(),
                posted.spoilerText(), posted.visibility().name(), posted.sensitive(), posted.inReplyToId(),
                posted.inReplyToAccountId(), posted.conversationId(), posted.mentionedIds(), posted.tags(),
                posted.emojis(), posted.mediaIds(), posted.applicationName(), 0, 0, 0, posted.postedAt(), false,
                List.of(), null, null);
    }

    /** The caller's own uploads among those asked for, in the order given, at most four; others are ignored. */
    private List<String> ownMedia(List<String> mediaIds, ApiPrincipal caller) {
        List<String> requested = mediaIds.stream().filter(FlakeId::isWellFormed).distinct().toList();
        if (requested.isEmpty()) {
            return List.of();
        }
        Set<String> own = new HashSet<>();
        queries.many(new StatusQueries.MediaByIds(requested), StatusQueries.Media.class).stream()
                .filter(media -> media.ownerId().equals(caller.accountId())).forEach(media -> own.add(media.mediaId()));
        return requested.stream().filter(own::contains).limit(MAX_ATTACHMENTS).toList();
    }
}
