package social.annals.command.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.status.StatusBookmarked;
import social.annals.events.status.StatusUnbookmarked;

/** One account's bookmark of one status; repeating either action changes nothing, as in Mastodon. */
@Aggregate
class Bookmark {

    @AggregateIdentifier
    private String bookmarkId;
    private boolean bookmarked;

    Bookmark() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StatusCommands.AddBookmark command, Clock clock) {
        if (!bookmarked) {
            apply(new StatusBookmarked(command.accountId(), command.statusId(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StatusCommands.RemoveBookmark command, Clock clock) {
        if (bookmarked) {
            apply(new StatusUnbookmarked(command.accountId(), command.statusId(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(StatusBookmarked event) {
        bookmarkId = StatusCommands.bookmarkId(event.accountId(), event.statusId());
        bookmarked = true;
    }

    @EventSourcingHandler
    void on(StatusUnbookmarked event) {
        bookmarkId = StatusCommands.bookmarkId(event.accountId(), event.statusId());
        bookmarked = false;
    }
}
