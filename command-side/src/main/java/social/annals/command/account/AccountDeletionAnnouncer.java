package social.annals.command.account;

/**
 * Tells other servers that a local account is being deleted, before anything of it goes: its key
 * can still sign what is sent, and the servers that knew it are still known.
 */
public interface AccountDeletionAnnouncer {

    /** Called in the deletion's first batch, and again if that batch is redone: it must be idempotent. */
    void announce(String accountId);
}
