package social.annals.command.social;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.social.ThreadMuted;
import social.annals.events.social.ThreadUnmuted;

/** One account's mute of one conversation; muting or unmuting again changes nothing. */
@Aggregate
public class ThreadMute {

    public record Mute(@TargetAggregateIdentifier String muteId, String accountId, String conversationId) {
        public Mute(String accountId, String conversationId) {
            this(idOf(accountId, conversationId), accountId, conversationId);
        }
    }

    public record Unmute(@TargetAggregateIdentifier String muteId, String accountId, String conversationId) {
        public Unmute(String accountId, String conversationId) {
            this(idOf(accountId, conversationId), accountId, conversationId);
        }
    }

    public static String idOf(String accountId, String conversationId) {
        return "thread-mute:" + accountId + ":" + conversationId;
    }

    @AggregateIdentifier
    private String muteId;
    private boolean muted;

    protected ThreadMute() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Mute command, Clock clock) {
        if (!muted) {
            apply(new ThreadMuted(command.accountId(), command.conversationId(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Unmute command, Clock clock) {
        if (muted) {
            apply(new ThreadUnmuted(command.accountId(), command.conversationId(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ThreadMuted event) {
        muteId = idOf(event.accountId(), event.conversationId());
        muted = true;
    }

    @EventSourcingHandler
    void on(ThreadUnmuted event) {
        muted = false;
    }
}
