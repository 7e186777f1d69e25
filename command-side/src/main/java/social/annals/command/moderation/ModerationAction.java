package social.annals.command.moderation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.moderation.AccountsCreatedByAdmin;
import social.annals.events.moderation.AccountsTagged;
import social.annals.events.moderation.AccountsUntagged;
import social.annals.events.moderation.FollowForced;
import social.annals.events.moderation.ReadModelsRebuildRequested;

/** One moderation action on several accounts: a fact recorded once, under its own id. */
@Aggregate
class ModerationAction {

    @AggregateIdentifier
    private String actionId;

    ModerationAction() {
    }

    @CommandHandler
    ModerationAction(ModerationActionCommands.RecordCreation command, Clock clock) {
        apply(new AccountsCreatedByAdmin(command.actionId(), command.accounts(), command.by(), clock.instant()));
    }

    @CommandHandler
    ModerationAction(ModerationActionCommands.Tag command, Clock clock) {
        List<String> tags = command.tags().stream().map(tag -> tag.trim().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty()).distinct().toList();
        apply(command.add()
                ? new AccountsTagged(command.actionId(), command.accounts(), tags, command.by(), clock.instant())
                : new AccountsUntagged(command.actionId(), command.accounts(), tags, command.by(), clock.instant()));
    }

    @CommandHandler
    ModerationAction(ModerationActionCommands.RecordForcedFollow command, Clock clock) {
        apply(new FollowForced(command.actionId(), command.follower(), command.followed(), command.follow(),
                command.by(), clock.instant()));
    }

    @CommandHandler
    ModerationAction(ModerationActionCommands.RecordRebuild command, Clock clock) {
        apply(new ReadModelsRebuildRequested(command.actionId(), command.readModels(), command.by(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ReadModelsRebuildRequested event) {
        actionId = event.actionId();
    }

    @EventSourcingHandler
    void on(AccountsCreatedByAdmin event) {
        actionId = event.actionId();
    }

    @EventSourcingHandler
    void on(AccountsTagged event) {
        actionId = event.actionId();
    }

    @EventSourcingHandler
    void on(AccountsUntagged event) {
        actionId = event.actionId();
    }

    @EventSourcingHandler
    void on(FollowForced event) {
        actionId = event.actionId();
    }
}
