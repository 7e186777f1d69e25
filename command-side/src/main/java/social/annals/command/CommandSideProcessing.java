package social.annals.command;

import java.util.List;

/**
 * The command side's event processing groups and how the application must run them. The
 * handlers in them are the command side's own; only their group names and needs are published.
 * A group whose name starts with {@code policy-} turns events into commands or events of its
 * own: it must never be replayed, or it would act twice.
 */
public final class CommandSideProcessing {

    /**
     * The set-based views the command side decides with (which nicknames and e-mail addresses are
     * taken, who relates to whom, pinned statuses, import progress, notification audiences), kept
     * in the transaction of the events that change them and backed by unique constraints.
     */
    public static final String LOOKUPS = "command-lookups";
    /** Decides who is notified of what, and delivers the notifications. */
    public static final String NOTIFICATIONS = "policy-notifications";
    /** Works through account list imports, one batch per event. */
    public static final String IMPORTS = "policy-imports";
    /** Deletes accounts, one batch per event. */
    public static final String ACCOUNT_DELETIONS = "policy-account-deletions";

    /** Groups that must run as subscribing processors, in the transaction that publishes the events. */
    public static final List<String> SUBSCRIBING = List.of(LOOKUPS);
    /**
     * Processes whose handling of one event is a batch of a few hundred commands: they must run
     * one event per transaction, so that locks are held briefly.
     */
    public static final List<String> ONE_EVENT_PER_TRANSACTION = List.of(IMPORTS, ACCOUNT_DELETIONS);

    private CommandSideProcessing() {
    }
}
