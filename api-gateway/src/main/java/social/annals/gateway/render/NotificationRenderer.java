package social.annals.gateway.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.EmojiReaction;
import social.annals.gateway.render.entity.Notification;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.render.entity.StatusPleroma;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.notification.NotificationView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * The Mastodon Notification entity with Pleroma's {@code is_seen}: the actor rendered for the
 * recipient, the status (absent for follows). Ids are decimal strings, as clients expect.
 */
@Component
public class NotificationRenderer {

    private final Queries queries;
    private final AccountRenderer accounts;
    private final StatusRenderer statuses;

    public NotificationRenderer(Queries queries, AccountRenderer accounts, StatusRenderer statuses) {
        this.queries = queries;
        this.accounts = accounts;
        this.statuses = statuses;
    }

    public Notification render(NotificationView notification, ApiPrincipal viewer) {
        List<Notification> rendered = renderAll(List.of(notification), viewer);
        return rendered.isEmpty() ? null : rendered.get(0);
    }

    /**
     * Notifications whose actor or status no longer exists, or whose status the viewer may no longer
     * see (made private since, its author deactivated), are left out rather than rendered half.
     */
    public List<Notification> renderAll(List<NotificationView> notifications, ApiPrincipal viewer) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        List<String> statusIds = notifications.stream().map(NotificationView::statusId).filter(Objects::nonNull)
                .distinct().toList();
        List<StatusView> statusViews = statusIds.isEmpty() ? List.of()
                : queries.many(new StatusQueries.VisibleByIds(statusIds,
                        viewer == null ? null : viewer.accountId()), StatusView.class);
        // The actors and the statuses' accounts in one query: they are often the same accounts.
        Set<String> accountIds = new LinkedHashSet<>();
        notifications.forEach(notification -> accountIds.add(notification.actorId()));
        statusViews.forEach(status -> {
            accountIds.add(status.authorId());
            accountIds.addAll(status.mentionedIds());
        });
        Map<String, AccountView> accountViews = new HashMap<>();
        queries.many(new AccountQueries.ByIds(List.copyOf(accountIds)), AccountView.class)
                .forEach(view -> accountViews.put(view.accountId(), view));

        List<AccountView> actorViews = notifications.stream().map(NotificationView::actorId).distinct()
                .map(accountViews::get).filter(Objects::nonNull).toList();
        Map<String, Account> actors = new HashMap<>();
        accounts.renderAll(actorViews, viewer).forEach(account -> actors.put(account.id(), account));
        Map<String, Status> renderedStatuses = new HashMap<>();
        statuses.renderAll(statusViews, viewer, accountViews)
                .forEach(status -> renderedStatuses.put(status.id(), status));

        List<Notification> out = new ArrayList<>(notifications.size());
        for (NotificationView notification : notifications) {
            Account actor = actors.get(notification.actorId());
            Status status = notification.statusId() == null ? null
                    : renderedStatuses.get(notification.statusId());
            if (actor == null || (notification.statusId() != null && status == null)) {
                continue;
            }
            out.add(new Notification(Long.toString(notification.notificationId()), notification.type(),
                    Dates.mastodon(notification.createdAt()), actor, status, notification.emoji(),
                    reactionImage(status, notification.emoji()),
                    notification.seen() ? Notification.Pleroma.SEEN : Notification.Pleroma.UNSEEN));
        }
        return out;
    }

    /** A custom emoji's image, as the status's reactions show it (none for a Unicode emoji). */
    private static String reactionImage(Status status, String emoji) {
        if (emoji == null || status == null || !(status.pleroma() instanceof StatusPleroma pleroma)) {
            return null;
        }
        return pleroma.emojiReactions().stream().filter(reaction -> reaction.name().equals(emoji))
                .map(EmojiReaction::url).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
