package social.annals.events.imports;

/** What became of one entry of an import list. */
public enum ImportEntryResult {
    /** Followed, blocked or muted as asked. */
    DONE,
    /** The account is locked: a follow request now waits for its approval. */
    REQUESTED,
    /** It already was so: nothing changed. */
    ALREADY,
    /** No account by that name: not here, and not on its server (or its server did not answer). */
    NOT_FOUND,
    /** The account blocks the importer. */
    BLOCKED,
    /** Not an account address at all, or the importer's own. */
    INVALID
}
