package social.annals.command.account;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.command.secrets.PersonalDataEraser;
import social.annals.command.social.RelationshipCommands;
import social.annals.command.status.StatusCommands;
import social.annals.events.account.AccountDeletionProgressed;
import social.annals.events.account.AccountDeletionProgressed.Phase;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.federation.RemoteAccountDeleted;

/**
 * Deletes an account one batch per event, like the import process: first it tells other servers
 * (while the account's key can still sign), then it severs every relationship (both ways, requests and subscriptions included), then deletes its statuses, then
 * records the deletion and erases the account's key and files. Each batch's effects, its progress event
 * and the processor's position commit together, so a restart resumes at the first batch not
 * recorded, and a batch redone after a crash finds only what is left.
 */
@Component
@ProcessingGroup(CommandSideProcessing.ACCOUNT_DELETIONS)
@DisallowReplay
class AccountDeletionProcess {

    private final CommandGateway commands;
    private final AccountDeletionWork work;
    private final PersonalDataEraser eraser;
    private final AccountDeletionAnnouncer announcer;
    private final int batchSize;

    /** Straight to the bus, without the retrying gateway: a conflict fails the batch and the processor retries it. */
    AccountDeletionProcess(CommandBus commandBus, AccountDeletionWork work, PersonalDataEraser eraser,
                           AccountDeletionAnnouncer announcer,
                           @Value("${annals.account-deletion.batch-size:500}") int batchSize) {
        this.announcer = announcer;
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.work = work;
        this.eraser = eraser;
        this.batchSize = batchSize;
    }

    @EventHandler
    void on(AccountDeletionStarted event) {
        announcer.announce(event.accountId());
        step(event.accountId(), null);
    }

    @EventHandler
    void on(AccountDeletionProgressed event) {
        step(event.accountId(), event);
    }

    /**
     * A remote account that deleted itself: what we have of it (its relationships with accounts
     * here and the posts delivered here, few beside a local account's) goes in one transaction,
     * then its personal data, such as the activities it sent, becomes unreadable.
     */
    @EventHandler
    void on(RemoteAccountDeleted event) {
        String accountId = event.accountId();
        // Read once: the lookups change only when this transaction's events are published, at its end.
        work.partnersAfter(accountId, null, Integer.MAX_VALUE)
                .forEach(partner -> commands.sendAndWait(new RelationshipCommands.Sever(accountId, partner)));
        work.statuses(accountId, Integer.MAX_VALUE)
                .forEach(status -> commands.sendAndWait(new StatusCommands.Delete(status, accountId, false)));
        eraser.erase(accountId);
    }

    private void step(String accountId, AccountDeletionProgressed last) {
        int severed = last == null ? 0 : last.relationshipsSevered();
        int deleted = last == null ? 0 : last.statusesDeleted();
        if (last == null || last.phase() == Phase.RELATIONSHIPS) {
            List<String> partners = work.partnersAfter(accountId, last == null ? null : last.cursor(), batchSize);
            if (!partners.isEmpty()) {
                partners.forEach(partner -> commands.sendAndWait(new RelationshipCommands.Sever(accountId, partner)));
                commands.sendAndWait(new AccountDeletionCommands.RecordProgress(accountId, Phase.RELATIONSHIPS,
                        partners.get(partners.size() - 1), severed + partners.size(), 0, work.statusCount(accountId)));
                return;
            }
        }
        List<String> statuses = work.statuses(accountId, batchSize);
        if (!statuses.isEmpty()) {
            statuses.forEach(status -> commands.sendAndWait(new StatusCommands.Delete(status, accountId, false)));
            commands.sendAndWait(new AccountDeletionCommands.RecordProgress(accountId, Phase.STATUSES,
                    statuses.get(statuses.size() - 1), severed, deleted + statuses.size(),
                    work.statusCount(accountId)));
            return;
        }
        commands.sendAndWait(new AccountDeletionCommands.Complete(accountId));
        eraser.erase(accountId);
    }
}
