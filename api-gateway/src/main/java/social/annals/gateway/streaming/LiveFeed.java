package social.annals.gateway.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.oauth.AccessTokenRevoked;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.render.NotificationRenderer;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.entity.Notification;
import social.annals.query.notification.NotificationQueries;
import social.annals.query.notification.NotificationView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Reads the event log from its head as it grows, and turns what a connected client should see
 * into stream events. Every node reads the log itself, so a post written through one node reaches
 * clients connected to another without a broker; an event is rendered once the read models a
 * REST answer would come from have it, and for each viewer as the REST answer would be.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LiveFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final EventStore eventStore;
    private final StreamingHub hub;
    private final Queries queries;
    private final ConsistencyBarrier barrier;
    private final StatusRenderer statuses;
    private final NotificationRenderer notifications;
    private final ObjectMapper json;
    /** Events of the last moments, for connections that open while they are dispatched. */
    private final Deque<Recent> recent = new ArrayDeque<>();
    private volatile long lastPosition = -1;
    private volatile boolean running;
    private Thread reader;

    private record Recent(long position, Object event, Instant at) {
    }

    private static final int RECENT_EVENTS = 1000;
    private static final Duration RECENT_FOR = Duration.ofSeconds(30);

    public LiveFeed(EventStore eventStore, StreamingHub hub, Queries queries, ConsistencyBarrier barrier,
                    StatusRenderer statuses, NotificationRenderer notifications, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.hub = hub;
        this.queries = queries;
        this.barrier = barrier;
        this.statuses = statuses;
        this.notifications = notifications;
        this.json = mapper;
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, "streaming-feed");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void read() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(eventStore.createHeadToken())) {
                while (running) {
                    hub.admit(this::catchUp);
                    if (events.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = events.nextAvailable();
                        long position = event.trackingToken().position().orElse(0);
                        remember(position, event.getPayload());
                        if (hub.size() > 0) {
                            deliverSafely(event.getPayload(), position);
                        }
                        lastPosition = position;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The log could not be read (the database went away): go on from its head.
                log.warn("live feed interrupted, reading on from the head: {}", e.getMessage());
                pause();
            }
        }
    }

    /** One event that cannot be rendered (a database blip) is skipped; the stream goes on. */
    private void deliverSafely(Object event, long position) {
        try {
            deliver(event, position, hub.connections());
        } catch (RuntimeException e) {
            log.warn("streaming: {} at {} not delivered: {}", event.getClass().getSimpleName(), position,
                    e.getMessage());
        }
    }

    /** The position of the last event handed to the connections (a handshake notes it). */
    long lastPosition() {
        return lastPosition;
    }

    private void remember(long position, Object event) {
        Instant now = Instant.now();
        recent.addLast(new Recent(position, event, now));
        while (recent.size() > RECENT_EVENTS || recent.getFirst().at().isBefore(now.minus(RECENT_FOR))) {
            recent.removeFirst();
        }
    }

    /** What a joining connection missed between its handshake and now. */
    private void catchUp(StreamingHub.Joining joining) {
        for (Recent event : recent) {
            if (event.position() > joining.since()) {
                deliver(event.event(), event.position(), List.of(joining.connection()));
            }
        }
    }

    void deliver(Object event, long position, Collection<Connection> targets) {
        if (event instanceof StatusPosted posted) {
            arrived(posted.statusId(), false, posted.visibility(), posted.authorId(), posted.conversationId(),
                    posted.tags(), posted.mentionedIds(), position, targets);
        } else if (event instanceof StatusReblogged boost) {
            arrived(boost.reblogId(), true, null, boost.accountId(), null, List.of(), List.of(), position, targets);
        } else if (event instanceof StatusDeleted deleted) {
            for (Connection connection : targets) {
                connection.streams().stream().filter(stream -> !stream.name().equals("user:notification"))
                        .findFirst().ifPresent(stream -> hub.send(connection, stream, "delete", deleted.statusId()));
            }
        } else if (event instanceof NotificationDelivered delivered) {
            notified(delivered, position, targets);
        } else if (event instanceof AccessTokenRevoked revoked) {
            end(targets, connection -> connection.viewer() != null
                    && revoked.tokenId().equals(connection.viewer().tokenId()));
        } else if (event instanceof AccountDeactivated deactivated) {
            end(targets, connection -> deactivated.accountId().equals(connection.viewerId()));
        }
    }

    /** Ends the streams of whoever matches (a revoked token, a deactivated account). */
    private static void end(Collection<Connection> targets, java.util.function.Predicate<Connection> which) {
        List.copyOf(targets).stream().filter(which).forEach(connection -> connection.close(CloseStatus.POLICY_VIOLATION));
    }

    /**
     * A new status or boost: to the home streams whose timeline got it, and to the public, tag and
     * direct streams it belongs to; never to a viewer who blocks or mutes its author (or its thread)
     * or whom the author blocks. A new status looks the same to every viewer (nobody has favourited
     * or boosted it yet), so it is rendered once; a boost carries the viewer's own flags on the
     * boosted status, so it is rendered for each.
     */
    private void arrived(String statusId, boolean boost, Visibility visibility, String authorId, String conversationId,
                         List<String> tags, List<String> mentioned, long position, Collection<Connection> targets) {
        barrier.awaitReadModelsOf(position, boost ? StatusReblogged.class : StatusPosted.class);
        Set<String> homeViewers = targets.stream().filter(connection -> connection.follows("user"))
                .map(Connection::viewerId).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> homes = Set.copyOf(queries.many(new StatusQueries.HomeTimelineOwners(statusId, homeViewers),
                String.class));
        Map<Connection, List<Stream>> deliveries = new HashMap<>();
        for (Connection connection : targets) {
            for (Stream stream : connection.streams()) {
                boolean sees = switch (stream.name()) {
                    case "user" -> homes.contains(connection.viewerId());
                    case "public", "public:local" -> !boost && visibility == Visibility.PUBLIC;
                    case "hashtag", "hashtag:local" -> !boost && visibility == Visibility.PUBLIC
                            && tags.contains(stream.tag());
                    case "direct" -> !boost && visibility == Visibility.DIRECT
                            && (authorId.equals(connection.viewerId()) || mentioned.contains(connection.viewerId()));
                    default -> false;
                };
                if (sees) {
                    deliveries.computeIfAbsent(connection, key -> new java.util.ArrayList<>()).add(stream);
                }
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        Set<String> viewers = deliveries.keySet().stream().map(Connection::viewerId).filter(Objects::nonNull)
                .filter(viewer -> !viewer.equals(authorId)).collect(Collectors.toSet());
        Set<String> hidden = Set.copyOf(queries.many(new StatusQueries.HiddenFrom(authorId, conversationId, viewers),
                String.class));
        String once = boost ? null : renderOnce(statusId);
        if (!boost && once == null) {
            return;
        }
        Map<Stream, String> frames = new HashMap<>(); // the same bytes for everyone on a stream
        deliveries.forEach((connection, streams) -> {
            if (connection.viewerId() != null && hidden.contains(connection.viewerId())) {
                return;
            }
            if (!boost) {
                streams.forEach(stream -> connection.send(
                        frames.computeIfAbsent(stream, key -> hub.frame(key, "update", once))));
                return;
            }
            String payload = renderFor(statusId, connection);
            if (payload != null) {
                streams.forEach(stream -> hub.send(connection, stream, "update", payload));
            }
        });
    }

    private String renderOnce(String statusId) {
        List<StatusView> views = queries.many(new StatusQueries.ByIds(List.of(statusId)), StatusView.class);
        // A status deleted meanwhile is followed by its delete event.
        return views.isEmpty() ? null : write(statuses.render(views.get(0), null));
    }

    /** As {@code GET /api/v1/statuses/:id} shows it to this viewer; null if it may not see it. */
    private String renderFor(String statusId, Connection connection) {
        StatusView view = queries.one(new StatusQueries.ById(statusId, connection.viewerId()), StatusView.class);
        return view == null ? null : write(statuses.render(view, connection.viewer()));
    }

    private void notified(NotificationDelivered delivered, long position, Collection<Connection> targets) {
        List<Connection> recipients = targets.stream()
                .filter(connection -> delivered.recipientId().equals(connection.viewerId()))
                .filter(connection -> connection.follows("user") || connection.follows("user:notification"))
                .toList();
        if (recipients.isEmpty()) {
            return;
        }
        // The status notified of is rendered too: its read models must have it as well.
        barrier.awaitReadModelsOf(position, NotificationDelivered.class, StatusPosted.class);
        NotificationView view = queries.one(new NotificationQueries.ById(delivered.recipientId(),
                delivered.notificationId()), NotificationView.class);
        if (view == null) {
            return; // dropped by the recipient's settings, or from someone deactivated since
        }
        for (Connection connection : recipients) {
            Notification notification = notifications.render(view, connection.viewer());
            if (notification == null) {
                continue;
            }
            String payload = write(notification);
            connection.streams().stream().filter(stream -> stream.name().startsWith("user")).findFirst()
                    .ifPresent(stream -> hub.send(connection, stream, "notification", payload));
        }
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
