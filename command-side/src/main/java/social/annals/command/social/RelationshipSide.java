package social.annals.command.social;

import java.util.List;

/** What one account of an {@link AccountPair} has towards the other. Changed by event-sourcing handlers only. */
final class RelationshipSide {

    boolean following;
    boolean requested;
    boolean showingReblogs = true;
    boolean blocking;
    boolean muting;
    boolean mutingNotifications;
    boolean subscribing;

    private List<Boolean> values() {
        return List.of(following, requested, showingReblogs, blocking, muting, mutingNotifications, subscribing);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RelationshipSide side && values().equals(side.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }
}
