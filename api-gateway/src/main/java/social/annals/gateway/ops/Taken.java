package social.annals.gateway.ops;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * A streaming read model taken over by a rebuild's pass: its processor (and whether it ran here, so
 * a node without the projector role does not start it), its handlers, its segments.
 */
record Taken(String group, StreamingEventProcessor processor, boolean wasRunning, EventHandlerInvoker invoker,
             int[] segments, HandledTypes handled) {
}
