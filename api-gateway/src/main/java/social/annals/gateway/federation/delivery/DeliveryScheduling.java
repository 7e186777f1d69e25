package social.annals.gateway.federation.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import social.annals.gateway.federation.HostPolicies;
import social.annals.gateway.infra.BackgroundThreads;

/**
 * Deliveries as db-scheduler tasks in PostgreSQL: they survive a restart or a kill, any node runs
 * them, and a node takes a task by an optimistic update of its row, so no two nodes run one at
 * once. A failed attempt is retried with exponential backoff (by default from one minute, doubling,
 * eleven times: about a day and a half in all).
 */
@Configuration
public class DeliveryScheduling {

    static final String TASK = "federation-delivery";
    static final String HOST_SEPARATOR = " ";
    private static final Duration DEFERRED_FOR = Duration.ofSeconds(1);

    /**
     * One delivery: done when delivered or refused for good; tried again a second later when this
     * node is sending its host all it may at once (db-scheduler then forgets the failed attempts
     * before, so such a delivery may be tried more often; a host failing for a day is dropped anyway).
     */
    @Bean
    CustomTask<Delivery> deliveryTask(Deliverer deliverer, Clock clock,
                                      @Value("${annals.federation.delivery.first-retry-seconds:60}") long firstRetry,
                                      @Value("${annals.federation.delivery.retries:11}") int retries) {
        return Tasks.custom(TASK, Delivery.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(retries,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(firstRetry), 2.0)))
                .execute((instance, context) -> {
                    if (deliverer.deliver(instance.getData()) == Deliverer.Outcome.DEFERRED) {
                        return (complete, operations) -> operations.reschedule(complete,
                                clock.instant().plus(DEFERRED_FOR));
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /**
     * The threads deliveries run on (as many as db-scheduler would make): no request waits on them,
     * and signing each POST is work for the CPU, so they give way to the requests' threads.
     */
    @Bean
    DbSchedulerCustomizer deliveryThreads(@Value("${db-scheduler.threads:10}") int threads,
                                          @Value("${annals.background.nice:0}") int nice) {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<ExecutorService> executorService() {
                return Optional.of(Executors.newFixedThreadPool(threads,
                        BackgroundThreads.named("delivery", nice)));
            }
        };
    }

    /**
     * Schedules deliveries; the same activity for the same inbox is scheduled once, however often
     * asked. Nothing is scheduled for a host an instance policy rejects (and a delivery scheduled
     * before the policy was set is refused when it is due).
     */
    @Bean
    Deliveries deliveries(@Lazy SchedulerClient scheduler, CustomTask<Delivery> task, Clock clock,
                          HostPolicies policies) {
        return (activityId, activity, signerId, inboxes, signer) -> {
            for (String inbox : inboxes) {
                if (policies.forUri(inbox).rejected()) {
                    continue;
                }
                scheduler.scheduleIfNotExists(task.instance(instanceId(activityId, inbox),
                        new Delivery(inbox, signerId, activity, signer == null ? null : signer.apply(inbox))),
                        clock.instant());
            }
        };
    }

    /** What a caller schedules with. */
    public interface Deliveries {

        /** Each POST signed when it is made. */
        default void schedule(String activityId, String activity, String signerId, Collection<String> inboxes) {
            schedule(activityId, activity, signerId, inboxes, null);
        }

        /** {@code signer}, when given, signs each inbox's POST now (the key will be gone when it is made). */
        void schedule(String activityId, String activity, String signerId, Collection<String> inboxes,
                      Function<String, Map<String, String>> signer);
    }

    /** The inbox's host, then a digest of the activity and the inbox: the queue can be counted by host. */
    static String instanceId(String activityId, String inbox) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(activityId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(inbox.getBytes(StandardCharsets.UTF_8));
            return HostPolicies.authorityOf(inbox) + HOST_SEPARATOR + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
