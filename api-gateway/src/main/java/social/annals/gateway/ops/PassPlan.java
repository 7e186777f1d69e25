package social.annals.gateway.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.springframework.jdbc.core.JdbcTemplate;

/** How a rebuild divides its work: which stored types each pass reads, and which read models share a pass. */
final class PassPlan {

    private PassPlan() {
    }

    /** How many events of each stored type the log holds. */
    static Map<String, Long> eventsByType(JdbcTemplate jdbc) {
        Map<String, Long> eventsByType = new HashMap<>();
        jdbc.query("SELECT payloadtype, count(*) FROM domainevententry GROUP BY payloadtype",
                row -> {
                    eventsByType.put(row.getString(1), row.getLong(2));
                });
        return eventsByType;
    }

    /**
     * The stored types a pass reads: those its read models handle, and any whose class is gone
     * (an upcaster may turn them into one that is handled).
     */
    static Set<String> typesFor(List<EventHandlerInvoker> invokers, Map<String, Long> eventsByType) {
        return eventsByType.keySet().stream()
                .filter(type -> loadable(type) == null
                        || invokers.stream().anyMatch(invoker -> invoker.canHandleType(loadable(type))))
                .collect(Collectors.toSet());
    }

    /**
     * Read models split into at most {@code count} shares of about equal work: heaviest first, each
     * to the lightest share so far, a read model's work being how many events of the log it handles.
     */
    static <T> List<List<T>> share(List<T> readModels, java.util.function.Function<T, EventHandlerInvoker> invokerOf,
                                   int count, Map<String, Long> eventsByType) {
        if (readModels.isEmpty()) {
            return List.of();
        }
        Map<T, Long> work = new HashMap<>();
        for (T readModel : readModels) {
            Predicate<String> handled = type -> loadable(type) != null
                    && invokerOf.apply(readModel).canHandleType(loadable(type));
            work.put(readModel, eventsByType.entrySet().stream().filter(type -> handled.test(type.getKey()))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        List<List<T>> shares = new ArrayList<>();
        long[] load = new long[Math.max(1, Math.min(count, readModels.size()))];
        for (int i = 0; i < load.length; i++) {
            shares.add(new ArrayList<>());
        }
        readModels.stream().sorted(Comparator.comparing(work::get).reversed()).forEach(readModel -> {
            int lightest = 0;
            for (int i = 1; i < load.length; i++) {
                lightest = load[i] < load[lightest] ? i : lightest;
            }
            shares.get(lightest).add(readModel);
            load[lightest] += work.get(readModel);
        });
        shares.removeIf(List::isEmpty);
        return shares;
    }

    private static Class<?> loadable(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
