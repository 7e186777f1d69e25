package social.annals.command.imports;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.command.account.AccountLookup;
import social.annals.command.federation.RemoteAccountDirectory;
import social.annals.command.social.RelationshipCommands;
import social.annals.command.social.RelationshipState;
import social.annals.command.social.RelationshipState.Outcome;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportEntryResult;

/**
 * Works through an import one batch per event: each recorded batch triggers the next, and the
 * batch's relationship changes, its results and the processor's position commit together. A
 * restart resumes at the first unrecorded batch; a batch redone after a crash is harmless because
 * relationship commands are idempotent and the aggregate ignores a batch it already has.
 */
@Component
@ProcessingGroup(CommandSideProcessing.IMPORTS)
@DisallowReplay
class ImportProcess {

    static final int BATCH_SIZE = 250;
    private static final Pattern NICKNAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PROFILE_PATH = Pattern.compile("^/(?:users/|@)([^/?#]+)/?$");

    private final CommandGateway commands;
    private final ImportProgress progress;
    private final AccountLookup accounts;
    private final ObjectProvider<RemoteAccountDirectory> remoteAccounts;
    /** This server's host, with its port when the base URL has one ({@code localhost:4000}). */
    private final String localAuthority;
    private final String localHostName;

    /**
     * Commands go straight to the bus, without the retrying gateway: a conflict fails the batch,
     * and the processor retries the whole batch in a fresh transaction.
     */
    ImportProcess(CommandBus commandBus, ImportProgress progress, AccountLookup accounts,
                  ObjectProvider<RemoteAccountDirectory> remoteAccounts, @Value("${annals.base-url}") String baseUrl) {
        this.commands = commandBus == null ? null : DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.progress = progress;
        this.accounts = accounts;
        this.remoteAccounts = remoteAccounts;
        URI base = URI.create(baseUrl);
        this.localAuthority = base.getAuthority();
        this.localHostName = base.getHost();
    }

    @EventHandler
    void on(AccountListImportStarted event) {
        step(event.importId());
    }

    @EventHandler
    void on(AccountListImportBatchProcessed event) {
        if (!event.completed()) {
            step(event.importId());
        }
    }

    private void step(String importId) {
        progress.next(importId, BATCH_SIZE).ifPresent(pending -> {
            List<ImportEntryResult> results = new ArrayList<>(pending.entries().size());
            for (String entry : pending.entries()) {
                results.add(process(pending, entry));
            }
            commands.sendAndWait(new ImportCommands.RecordBatch(importId, pending.nextIndex(), results));
        });
    }

    private ImportEntryResult process(ImportProgress.Pending pending, String entry) {
        Resolution resolution = resolve(entry);
        if (resolution.failure() != null) {
            return resolution.failure();
        }
        Optional<String> target = resolution.remote()
                ? Optional.ofNullable(remoteAccounts.getIfAvailable()).flatMap(directory -> directory.accountIdOf(entry))
                : accounts.byNickname(resolution.nickname()).map(AccountLookup.Found::accountId);
        if (target.isEmpty()) {
            return ImportEntryResult.NOT_FOUND;
        }
        String actor = pending.accountId();
        String targetId = target.get();
        if (targetId.equals(actor)) {
            return ImportEntryResult.INVALID;
        }
        RelationshipState state = commands.sendAndWait(switch (pending.kind()) {
            // A remote account answers through its server: a request until then (as AccountLookup.isLocked says,
            // but the account may have been discovered in this very batch, whose lookups are written at its commit).
            case FOLLOW -> new RelationshipCommands.Follow(actor, targetId,
                    resolution.remote() || accounts.isLocked(targetId), null);
            case BLOCK -> new RelationshipCommands.Block(actor, targetId);
            case MUTE -> new RelationshipCommands.Mute(actor, targetId, true);
        });
        if (state.outcome() == Outcome.BLOCKED_BY_TARGET) {
            return ImportEntryResult.BLOCKED;
        }
        if (state.outcome() == Outcome.UNCHANGED) {
            return ImportEntryResult.ALREADY;
        }
        return state.requested() ? ImportEntryResult.REQUESTED : ImportEntryResult.DONE;
    }

    /** A local nickname, an account of another server ({@code remote}), or why the entry names no account. */
    record Resolution(String nickname, boolean remote, ImportEntryResult failure) {

        static Resolution local(String nickname) {
            return new Resolution(nickname, false, null);
        }

        static Resolution elsewhere() {
            return new Resolution(null, true, null);
        }

        static Resolution failed(ImportEntryResult failure) {
            return new Resolution(null, false, failure);
        }
    }

    /** People write this server's address with or without its port: both are this server. */
    private boolean isLocal(String authority) {
        return authority != null && (authority.equalsIgnoreCase(localAuthority) || authority.equalsIgnoreCase(localHostName));
    }

    /**
     * {@code nick}, {@code nick@thishost} and this instance's profile URLs are local accounts;
     * {@code nick@otherhost} and other servers' URLs are accounts there.
     */
    Resolution resolve(String entry) {
        String nickname = entry;
        if (entry.startsWith("http://") || entry.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(entry);
            } catch (IllegalArgumentException e) {
                return Resolution.failed(ImportEntryResult.INVALID);
            }
            if (!isLocal(uri.getAuthority())) {
                return uri.getHost() == null ? Resolution.failed(ImportEntryResult.INVALID) : Resolution.elsewhere();
            }
            Matcher path = PROFILE_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if (!path.matches()) {
                return Resolution.failed(ImportEntryResult.INVALID);
            }
            nickname = path.group(1);
        } else if (entry.contains("@")) {
            int at = entry.indexOf('@');
            if (!isLocal(entry.substring(at + 1))) {
                return entry.indexOf('@', at + 1) < 0 && at > 0 && NICKNAME.matcher(entry.substring(0, at)).matches()
                        ? Resolution.elsewhere() : Resolution.failed(ImportEntryResult.INVALID);
            }
            nickname = entry.substring(0, at);
        }
        return NICKNAME.matcher(nickname).matches()
                ? Resolution.local(nickname) : Resolution.failed(ImportEntryResult.INVALID);
    }
}
