package social.annals.events.imports;

/** What an account list import does with each listed account. */
public enum ImportKind {
    FOLLOW, BLOCK, MUTE
}
