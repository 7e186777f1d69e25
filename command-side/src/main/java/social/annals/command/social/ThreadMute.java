package social.annals.command.social;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.social.ThreadMuted;
import social.annals.events.social.ThreadUnmuted;

/** One account's mute of one conversation; muting or unmuting again changes nothing. */
@Aggregate
class ThreadMute {

    @AggregateIdentifier
    private String muteId;
    private boolean muted;

    ThreadMute() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ThreadMuteCommands.Mute command, Clock clock) {
        if (!muted) {
            apply(new ThreadMuted(command.accountId(), command.conversationId(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ThreadMuteCommands.Unmute command, Clock clock) {
        if (muted) {
            apply(new ThreadUnmuted(command.accountId(), command.conversationId(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ThreadMuted event) {
        muteId = ThreadMuteCommands.idOf(event.accountId(), event.conversationId());
        muted = true;
    }

    @EventSourcingHandler
    void on(ThreadUnmuted event) {
        muted = false;
    }
}
