package social.annals.command.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusModerated;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;

/** A local status: posted once, deleted by its author or a moderator. Created by {@link StatusPublishing}. */
@Aggregate
public class Status {

    @AggregateIdentifier
    private String statusId;
    private String authorId;
    private boolean deleted;

    protected Status() {
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

    @EventSourcingHandler
    void on(StatusPosted event) {
        statusId = event.statusId();
        authorId = event.authorId();
    }

    @EventSourcingHandler
    void on(StatusDeleted event) {
        deleted = true;
    }
}
