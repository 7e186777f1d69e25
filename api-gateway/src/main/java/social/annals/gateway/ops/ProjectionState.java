package social.annals.gateway.ops;

/**
 * Where one read model (processing group) stands: {@code position} is the last event it has
 * processed, {@code head} the log's newest, {@code lag} the difference. While rebuilding,
 * {@code progress} (0..1 of the events up to the head when the rebuild began),
 * {@code eventsPerSecond} and {@code etaSeconds} (null until a rate is known).
 */
public record ProjectionState(String name, long position, long head, long lag, boolean rebuilding, Double progress,
                              Double eventsPerSecond, Long etaSeconds) {

    public String state() {
        return rebuilding ? "rebuilding" : "live";
    }
}
