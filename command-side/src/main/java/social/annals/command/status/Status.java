package social.annals.command.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.RemoteStatusEdited;
import social.annals.events.status.StatusModerated;
import social.annals.events.status.StatusPinned;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.StatusUnpinned;
import social.annals.events.status.Visibility;

/**
 * A local status: posted once, pinned by its author, deleted by its author or a moderator. Created
 * by {@link StatusPublishing}.
 */
@Aggregate
class Status {

    @AggregateIdentifier
    private String statusId;
    private String authorId;
    private Visibility visibility;
    private boolean deleted;
    private boolean pinned;
    private boolean remote;
    private Instant editedAt;

    Status() {
    }

    Status(StatusPosted posted) {
        apply(posted);
    }

    @CommandHandler
    public void handle(StatusCommands.Delete command, Clock clock) {
        if (deleted || !(authorId.equals(command.actorId()) || command.moderator())) {
            throw new StatusDeleteRefused();
        }
        apply(new StatusDeleted(statusId, authorId, command.actorId(), clock.instant()));
    }

    @CommandHandler
    public void handle(StatusCommands.Moderate command, Clock clock) {
        if (deleted) {
            throw new StatusDeleteRefused();
        }
        if (command.visibility() == Visibility.DIRECT) {
            throw new StatusRejected("Unsupported visibility");
        }
        apply(new StatusModerated(statusId, authorId, command.sensitive(), command.visibility(), command.by(),
                clock.instant()));
    }

    /**
     * Only its author edits a remote status, and not once it is deleted; an edit older than the
     * last one (a late redelivery) changes nothing.
     */
    @CommandHandler
    public void handle(StatusCommands.ReceiveEdit command) {
        if (deleted || !remote || !authorId.equals(command.authorId())) {
            throw new StatusEditRefused();
        }
        if (editedAt != null && !command.editedAt().isAfter(editedAt)) {
            return;
        }
        apply(new RemoteStatusEdited(statusId, authorId, command.text(), command.contentHtml(), command.spoilerText(),
                command.sensitive(), command.tags(), command.emojis(), command.attachments(), command.editedAt()));
    }

    /**
     * Only the author pins, only a public or unlisted status, and only while {@code limitReached}
     * is false (the account's other pins are counted by {@link StatusPinning}); pinning again changes nothing.
     */
    void pin(String actorId, boolean limitReached, Clock clock) {
        if (deleted || !authorId.equals(actorId)
                || !(visibility == Visibility.PUBLIC || visibility == Visibility.UNLISTED)) {
            throw new PinRefused("Could not pin");
        }
        if (pinned) {
            return;
        }
        if (limitReached) {
            throw new PinRefused("You have already pinned the maximum number of statuses");
        }
        apply(new StatusPinned(statusId, authorId, clock.instant()));
    }

    @CommandHandler
    public void handle(StatusCommands.Unpin command, Clock clock) {
        if (deleted || !authorId.equals(command.actorId())) {
            throw new PinRefused("Could not unpin");
        }
        if (pinned) {
            apply(new StatusUnpinned(statusId, authorId, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(StatusPosted event) {
        statusId = event.statusId();
        authorId = event.authorId();
        visibility = event.visibility();
        remote = !event.local();
    }

    @EventSourcingHandler
    void on(RemoteStatusEdited event) {
        editedAt = event.editedAt();
    }

    @EventSourcingHandler
    void on(StatusModerated event) {
        if (event.visibility() != null) {
            visibility = event.visibility();
        }
    }

    @EventSourcingHandler
    void on(StatusPinned event) {
        pinned = true;
    }

    @EventSourcingHandler
    void on(StatusUnpinned event) {
        pinned = false;
    }

    @EventSourcingHandler
    void on(StatusDeleted event) {
        deleted = true;
    }
}
