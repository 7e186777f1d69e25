package social.annals.command.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.command.ids.NumericIdGenerator;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationType;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.FollowRequested;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.StatusReacted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.Visibility;

/**
 * Decides who is notified of a post, a favourite, a boost or a follow, and delivers each
 * notification as its own aggregate. Runs once per event (its token commits with the deliveries)
 * and never on a rebuild: the deliveries are facts in the log, so a rebuilt read model shows
 * exactly the notifications that were delivered, with their ids.
 */
@Component
@ProcessingGroup(CommandSideProcessing.NOTIFICATIONS)
@DisallowReplay
class NotificationPolicy {

    private static final String FOLLOWS_IN_BATCH = NotificationPolicy.class.getName() + ".follows";

    private final EventBus eventBus;
    private final NotificationAudience audience;
    private final NumericIdGenerator ids;
    private final Clock clock;

    NotificationPolicy(EventBus eventBus, NotificationAudience audience, NumericIdGenerator ids,
                       Clock clock) {
        this.eventBus = eventBus;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The accounts it mentions (a reply mentions the replied-to author) and the author's
     * subscribers who may see it; a subscriber who is also mentioned is notified once.
     */
    @EventHandler
    void on(StatusPosted event) {
        Set<String> candidates = new LinkedHashSet<>(event.mentionedIds());
        for (NotificationAudience.Subscriber subscriber : audience.subscribersOf(event.authorId())) {
            if (maySee(event.visibility(), subscriber)) {
                candidates.add(subscriber.accountId());
            }
        }
        deliver(candidates, event.authorId(), NotificationType.MENTION, event.statusId());
    }

    /** A direct post reaches only whom it mentions; a private one, followers too. */
    private static boolean maySee(Visibility visibility, NotificationAudience.Subscriber subscriber) {
        return switch (visibility) {
            case PUBLIC, UNLISTED -> true;
            case PRIVATE -> subscriber.following();
            case DIRECT -> false;
        };
    }

    @EventHandler
    void on(StatusFavourited event) {
        deliver(List.of(event.statusAuthorId()), event.accountId(), NotificationType.FAVOURITE, event.statusId());
    }

    @EventHandler
    void on(StatusReblogged event) {
        deliver(List.of(event.statusAuthorId()), event.accountId(), NotificationType.REBLOG, event.statusId());
    }

    @EventHandler
    void on(StatusReacted event) {
        deliver(List.of(event.statusAuthorId()), event.accountId(), NotificationType.EMOJI_REACTION, event.statusId(),
                event.emoji());
    }

    /** A request to follow a locked account notifies as a follow, as in Pleroma 1.x. */
    @EventHandler
    void on(FollowRequested event) {
        deliver(List.of(event.followedId()), event.followerId(), NotificationType.FOLLOW, null);
    }

    /** An authorized request was notified when it was made: authorizing it notifies nobody, as in Pleroma. */
    @EventHandler
    void on(AccountFollowed event) {
        if (!event.requestAuthorized()) {
            deliver(List.of(event.followedId()), event.followerId(), NotificationType.FOLLOW, null);
        }
    }

    /**
     * Each delivery is the first event of a new {@link Notification} aggregate, appended here
     * rather than through a creation command: Axon's repository checks every aggregate of a unit
     * of work against all the others at commit, which makes a post to 5,000 subscribers take
     * seconds. The append is the same one the repository makes (sequence 0, so the store refuses
     * a second aggregate with the same id), in the policy's transaction.
     */
    private void deliver(Collection<String> candidates, String actorId, NotificationType type, String statusId) {
        deliver(candidates, actorId, type, statusId, null);
    }

    private void deliver(Collection<String> candidates, String actorId, NotificationType type, String statusId,
                         String emoji) {
        List<DomainEventMessage<?>> deliveries = new ArrayList<>();
        Set<String> mutedThread = audience.mutedThreadOf(statusId, candidates);
        List<NotificationRules.Recipient> recipients = audience.recipients(candidates, actorId,
                type == NotificationType.FOLLOW);
        boolean localActivity = recipients.isEmpty() || !audience.isRemote(actorId);
        for (NotificationRules.Recipient recipient : recipients) {
            if (mutedThread.contains(recipient.accountId())) {
                continue; // the recipient muted this conversation
            }
            if (NotificationRules.notifies(recipient, actorId, type, localActivity)
                    && (type != NotificationType.FOLLOW || firstFollowInBatch(recipient.accountId(), actorId))) {
                long id = ids.next();
                deliveries.add(new GenericDomainEventMessage<>(Notification.class.getSimpleName(),
                        NotificationCommands.notificationAggregateId(id), 0,
                        new NotificationDelivered(id, recipient.accountId(), type, actorId, statusId, clock.instant(),
                                emoji)));
            }
        }
        if (!deliveries.isEmpty()) {
            eventBus.publish(deliveries);
        }
    }

    /**
     * The lookup of existing follow notifications sees a batch's deliveries only when the batch
     * commits, so follows notified earlier in the same batch are remembered here.
     */
    private boolean firstFollowInBatch(String recipientId, String actorId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return true;
        }
        Set<String> notified = CurrentUnitOfWork.get().root().getOrComputeResource(FOLLOWS_IN_BATCH,
                key -> new HashSet<String>());
        return notified.add(recipientId + ">" + actorId);
    }
}
