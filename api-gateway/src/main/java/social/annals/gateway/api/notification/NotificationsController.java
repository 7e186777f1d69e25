package social.annals.gateway.api.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountCommands;
import social.annals.command.notification.NotificationCommands;
import social.annals.events.notification.NotificationType;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.Dates;
import social.annals.gateway.render.NotificationRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Marker;
import social.annals.gateway.render.entity.Markers;
import social.annals.gateway.render.entity.Notification;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.notification.NotificationQueries;
import social.annals.query.notification.NotificationView;

/** Listing, reading, dismissing and clearing notifications; read markers; notification settings. */
@RestController
public class NotificationsController {

    /** Pleroma 1.1 answers a read up to {@code max_id} with at most this many notifications. */
    static final int READ_ANSWER_LIMIT = 80;
    /** Exactly Pleroma's four; any other key, Pleroma 2.x's included, is ignored. */
    private static final List<String> SETTINGS = List.of("followers", "follows", "remote", "local");

    private final Commands commands;
    private final Queries queries;
    private final NotificationRenderer notifications;
    private final Urls urls;

    public NotificationsController(Commands commands, Queries queries,
                                   NotificationRenderer notifications, Urls urls) {
        this.commands = commands;
        this.queries = queries;
        this.notifications = notifications;
        this.urls = urls;
    }

    /** {@code types[]} (Mastodon) or {@code include_types[]} (Pleroma) and {@code exclude_types[]}; unknown types are ignored. */
    @GetMapping("/api/v1/notifications")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public ResponseEntity<List<Notification>> list(Params params, ApiPrincipal caller,
                                                   HttpServletRequest request) {
        Set<String> included = types(params, "types");
        included.addAll(types(params, "include_types"));
        boolean askedForTypes = !params.strings("types").isEmpty() || !params.strings("include_types").isEmpty();
        if (askedForTypes && included.isEmpty()) {
            return ResponseEntity.ok(List.of()); // only unknown types asked for: none match
        }
        Pagination page = Pagination.numeric(params);
        List<NotificationView> found = queries.many(new NotificationQueries.Page(caller.accountId(), included,
                types(params, "exclude_types"), Pagination.numericId(page.maxId()),
                Pagination.numericId(page.sinceId()), Pagination.numericId(page.minId()), page.limit(),
                params.bool("with_muted").orElse(false)), NotificationView.class);
        return ResponseEntity.ok()
                .headers(Pagination.links(urls.base(), request, found, n -> Long.toString(n.notificationId())))
                .body(notifications.renderAll(found, caller));
    }

    private static Set<String> types(Params params, String name) {
        Set<String> known = new LinkedHashSet<>();
        for (String type : params.strings(name)) {
            NotificationType.fromApiName(type).ifPresent(t -> known.add(t.apiName()));
        }
        return known;
    }

    @GetMapping("/api/v1/notifications/{id}")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public Notification show(@PathVariable String id, ApiPrincipal caller) {
        return render(existing(id, caller), caller);
    }

    // Pleroma asks for "read" here, also for the changes: a read-only client may clear and dismiss.
    @PostMapping("/api/v1/notifications/clear")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public Map<String, Object> clear(ApiPrincipal caller) {
        commands.sendAndWait(new NotificationCommands.Clear(caller.accountId()));
        return Map.of();
    }

    @PostMapping("/api/v1/notifications/dismiss")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public Map<String, Object> dismiss(Params params, ApiPrincipal caller) {
        return dismiss(params.string("id").orElse(null), caller);
    }

    @PostMapping("/api/v1/notifications/{id}/dismiss")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public Map<String, Object> dismissPath(@PathVariable String id, ApiPrincipal caller) {
        return dismiss(id, caller);
    }

    private Map<String, Object> dismiss(String id, ApiPrincipal caller) {
        NotificationView notification = find(id, caller);
        if (notification == null) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Cannot dismiss notification");
        }
        dismiss(notification, caller);
        return Map.of();
    }

    private void dismiss(NotificationView notification, ApiPrincipal caller) {
        commands.sendAndWait(new NotificationCommands.Dismiss(notification.notificationId(), caller.accountId()));
    }

    /** Dismisses those of {@code ids[]} that are the caller's and ignores the rest. */
    @DeleteMapping("/api/v1/notifications/destroy_multiple")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public Map<String, Object> destroyMultiple(Params params, ApiPrincipal caller) {
        for (String id : new LinkedHashSet<>(params.strings("ids"))) {
            NotificationView notification = find(id, caller);
            if (notification != null) {
                dismiss(notification, caller);
            }
        }
        return Map.of();
    }

    /** The seed's endpoint: one notification by {@code id}; errors are 403 as in Pleroma 1.0. */
    @PostMapping("/api/pleroma/notifications/read")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:notifications")
    public Map<String, Object> readOne(Params params, ApiPrincipal caller) {
        String id = params.string("id").orElseThrow(() -> ApiException.missingParameter("id"));
        if (Pagination.numericId(id) == null) {
            throw ApiException.invalidParameter("id", "Invalid value for id: expected an integer");
        }
        markRead(existing(id, caller), caller);
        return Map.of("status", "success");
    }

    /**
     * Pleroma 1.1's endpoint: {@code id} answers that notification, seen; {@code max_id} marks
     * everything up to it as seen and answers those notifications (at most 80). Errors are 400.
     */
    @PostMapping("/api/v1/pleroma/notifications/read")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:notifications")
    public Object read(Params params, ApiPrincipal caller) {
        if (params.has("id")) {
            NotificationView notification = find(params.string("id").orElse(null), caller);
            if (notification == null) {
                throw ApiException.error(HttpStatus.BAD_REQUEST, "Cannot get notification");
            }
            markRead(notification, caller);
            return render(queries.one(new NotificationQueries.ById(caller.accountId(),
                    notification.notificationId()), NotificationView.class), caller);
        }
        if (params.has("max_id")) {
            Long maxId = Pagination.numericId(params.string("max_id").orElse(null));
            if (maxId == null) {
                throw ApiException.error(HttpStatus.BAD_REQUEST, "Cannot get notification");
            }
            readUpTo(caller, maxId);
            return notifications.renderAll(queries.many(new NotificationQueries.UpTo(caller.accountId(), maxId,
                    READ_ANSWER_LIMIT), NotificationView.class), caller);
        }
        throw ApiException.error(HttpStatus.BAD_REQUEST, "You must specify id or max_id");
    }

    /** Shown seen at once, as is a read up to an id: "notifications-seen" is written in the command's transaction. */
    private void markRead(NotificationView notification, ApiPrincipal caller) {
        commands.sendAndWait(new NotificationCommands.MarkRead(notification.notificationId(), caller.accountId()));
    }

    private void readUpTo(ApiPrincipal caller, long lastReadId) {
        commands.sendAndWait(new NotificationCommands.ReadUpTo(caller.accountId(), lastReadId));
    }

    /** Mastodon markers; only the notifications timeline has one here. */
    @GetMapping("/api/v1/markers")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:statuses")
    public Markers markers(Params params, ApiPrincipal caller) {
        List<String> timelines = params.strings("timeline");
        return new Markers(timelines.isEmpty() || timelines.contains("notifications") ? marker(caller) : null);
    }

    /** {@code notifications[last_read_id]} (form) or {@code {"notifications": {"last_read_id": ...}}} (JSON). */
    @PostMapping("/api/v1/markers")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Markers saveMarkers(Params params, ApiPrincipal caller) {
        String lastRead = params.raw("notifications") instanceof Map<?, ?> nested && nested.get("last_read_id") != null
                ? nested.get("last_read_id").toString()
                : params.string("notifications[last_read_id]").orElse(null);
        Marker saved = null;
        if (lastRead != null) {
            Long id = Pagination.numericId(lastRead);
            if (id == null) {
                throw ApiException.invalidParameter("notifications[last_read_id]",
                        "Invalid value for notifications[last_read_id]: expected a notification id");
            }
            readUpTo(caller, id);
            saved = marker(caller);
        }
        return new Markers(saved);
    }

    private Marker marker(ApiPrincipal caller) {
        NotificationQueries.Marker marker = queries.one(new NotificationQueries.MarkerOf(caller.accountId()),
                NotificationQueries.Marker.class);
        return new Marker(Long.toString(marker.lastReadId()), marker.version(),
                marker.updatedAt() == null ? null : Dates.mastodon(marker.updatedAt()),
                new Marker.Pleroma(marker.unreadCount()));
    }

    /**
     * Switches by name; values are JSON booleans or true/false/1/0 in any case, anything else a
     * 400 before anything changes. Other keys are ignored.
     */
    @PutMapping("/api/pleroma/notification_settings")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Map<String, Object> updateSettings(Params params, ApiPrincipal caller) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            if (params.has(name)) {
                values.put(name, strictBoolean(params, name));
            }
        }
        if (!values.isEmpty()) {
            commands.sendAndWait(new AccountCommands.UpdateNotificationSettings(caller.accountId(),
                    values.get("followers"), values.get("follows"), values.get("remote"), values.get("local")));
        }
        return Map.of("status", "success");
    }

    private static Boolean strictBoolean(Params params, String name) {
        Object raw = params.raw(name);
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = raw == null ? "" : raw.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.invalidParameter(name,
                    "Invalid value for " + name + ": expected true, false, 1 or 0");
        };
    }

    /** The caller's notification by id, or the 403 Pleroma answers for a missing or foreign one. */
    private NotificationView existing(String id, ApiPrincipal caller) {
        NotificationView notification = find(id, caller);
        if (notification == null) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Cannot get notification");
        }
        return notification;
    }

    private NotificationView find(String id, ApiPrincipal caller) {
        Long notificationId = Pagination.numericId(id);
        return notificationId == null ? null
                : queries.one(new NotificationQueries.ById(caller.accountId(), notificationId), NotificationView.class);
    }

    private Notification render(NotificationView notification, ApiPrincipal caller) {
        Notification rendered = notification == null ? null : notifications.render(notification, caller);
        if (rendered == null) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Cannot get notification");
        }
        return rendered;
    }
}
