package social.annals.command.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.status.StatusReacted;
import social.annals.events.status.StatusUnreacted;

/**
 * One account's reaction with one emoji to one status. An aggregate per account × status × emoji,
 * like {@link Favourite}, so reactions to a popular status never wait on each other. Reacting
 * twice changes nothing; taking back a reaction that is not there is refused, as Pleroma does.
 */
@Aggregate
class Reaction {

    /** Another server's custom emoji: its shortcode and that server's host. */
    private static final Pattern REMOTE_CUSTOM = Pattern.compile("[A-Za-z0-9_]{1,64}@[A-Za-z0-9.:\\[\\]-]{1,128}");

    @AggregateIdentifier
    private String reactionId;
    private boolean reacted;

    Reaction() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StatusCommands.React command, Clock clock) {
        boolean custom = command.emojiUrl() != null;
        if (custom ? !REMOTE_CUSTOM.matcher(command.emoji()).matches() : !SingleEmoji.matches(command.emoji())) {
            throw new ReactionRefused("Could not add reaction emoji");
        }
        if (!reacted) {
            apply(new StatusReacted(command.accountId(), command.statusId(), command.statusAuthorId(), command.emoji(),
                    clock.instant(), command.emojiUrl()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StatusCommands.Unreact command, Clock clock) {
        if (!reacted) {
            throw new ReactionRefused("Could not remove reaction emoji");
        }
        apply(new StatusUnreacted(command.accountId(), command.statusId(), command.statusAuthorId(), command.emoji(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(StatusReacted event) {
        reactionId = StatusCommands.reactionId(event.accountId(), event.statusId(), event.emoji());
        reacted = true;
    }

    @EventSourcingHandler
    void on(StatusUnreacted event) {
        reactionId = StatusCommands.reactionId(event.accountId(), event.statusId(), event.emoji());
        reacted = false;
    }
}
