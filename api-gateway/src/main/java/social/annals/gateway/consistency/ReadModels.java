package social.annals.gateway.consistency;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;

/**
 * The streaming read models and the payload types each handles, asked of Axon's processors
 * themselves, so nobody has to keep a list. Processes (groups named {@code policy-…}) are not read
 * models: they react to events with commands of their own and are never waited for.
 */
public final class ReadModels {

    private static final String PROCESS_PREFIX = "policy-";
    private static final AnnotationCommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final EventProcessingConfiguration processing;
    private final Map<Class<?>, Set<String>> handlers = new ConcurrentHashMap<>();

    ReadModels(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Whether a processing group is a read model (rebuilt from the log) rather than a process. */
    public static boolean isReadModel(String group) {
        return !group.startsWith(PROCESS_PREFIX);
    }

    /** The streaming read models that handle any of these payload types. */
    Set<String> handling(Collection<Class<?>> payloadTypes) {
        if (payloadTypes.size() == 1) {
            return handling(payloadTypes.iterator().next());
        }
        Set<String> groups = new TreeSet<>();
        payloadTypes.forEach(type -> groups.addAll(handling(type)));
        return groups;
    }

    /** Every streaming read model. */
    Set<String> all() {
        Set<String> groups = new TreeSet<>();
        processing.eventProcessors().forEach((group, processor) -> {
            if (isStreamingReadModel(group, processor)) {
                groups.add(group);
            }
        });
        return groups;
    }

    private Set<String> handling(Class<?> payloadType) {
        return handlers.computeIfAbsent(payloadType, type -> {
            Set<String> groups = new TreeSet<>();
            processing.eventProcessors().forEach((group, processor) -> {
                if (isStreamingReadModel(group, processor)
                        && ((AbstractEventProcessor) processor).eventHandlerInvoker().canHandleType(type)) {
                    groups.add(group);
                }
            });
            return Set.copyOf(groups);
        });
    }

    private static boolean isStreamingReadModel(String group, EventProcessor processor) {
        return isReadModel(group) && processor instanceof StreamingEventProcessor
                && processor instanceof AbstractEventProcessor;
    }

    /** The aggregate a command is aimed at, or null when it names none (it creates one, say). */
    static String targetOf(Object command) {
        try {
            return TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    /** The class a stored payload type names, or null if no such class is loaded any more (it was renamed). */
    static Class<?> classNamed(String payloadType) {
        try {
            return Class.forName(payloadType, false, ReadModels.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError renamed) {
            return null;
        }
    }
}
