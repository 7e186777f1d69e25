package social.annals.command.invite;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.invite.InviteCreated;
import social.annals.events.invite.InviteRevoked;
import social.annals.events.invite.InviteType;
import social.annals.events.invite.InviteUsed;

/**
 * A registration invite. Its uses are counted here, one registration at a time: two registrations
 * racing for the last use append to the same stream, one of them conflicts and is retried against
 * the new count, so an invite is never used more often than it allows.
 */
@Aggregate
class Invite {

    @AggregateIdentifier
    private String aggregateId;
    private long inviteId;
    private Integer maxUse;
    private LocalDate expiresOn;
    private int uses;
    private boolean used;

    Invite() {
    }

    @CommandHandler
    Invite(InviteCommands.Create command, Clock clock) {
        apply(new InviteCreated(command.inviteId(), command.tokenDigest(), command.maxUse(), command.expiresOn(),
                InviteType.of(command.maxUse(), command.expiresOn()), command.createdBy(), clock.instant()));
    }

    /**
     * As Pleroma counts: a one-time invite is then used; a date-limited one is unchanged (it works
     * until its date passes); a reusable one counts the use and is used up at its limit.
     */
    @CommandHandler
    public void handle(InviteCommands.Use command, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean valid = !used && (expiresOn == null || !today.isAfter(expiresOn)) && (maxUse == null || uses < maxUse);
        if (!valid) {
            throw new InviteExpired();
        }
        int after = maxUse != null ? uses + 1 : uses;
        boolean usedUp = maxUse != null ? after >= maxUse : expiresOn == null;
        apply(new InviteUsed(inviteId, command.accountId(), after, usedUp, clock.instant()));
    }

    @CommandHandler
    public void handle(InviteCommands.Revoke command, Clock clock) {
        apply(new InviteRevoked(inviteId, command.revokedBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(InviteCreated event) {
        aggregateId = InviteCommands.idOf(event.inviteId());
        inviteId = event.inviteId();
        maxUse = event.maxUse();
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(InviteUsed event) {
        uses = event.uses();
        used = event.usedUp();
    }

    @EventSourcingHandler
    void on(InviteRevoked event) {
        used = true;
    }
}
