package social.annals.gateway.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pleroma's rate limits on guessing and mass creation, per client address. The buckets live in
 * PostgreSQL, so a limit holds for the whole cluster, not once per node behind the balancer.
 */
@Component
public class RateLimits {

    /** Each limit with its Pleroma default: requests per window. */
    public enum Limit {
        /** Password checks: password grants, the login form, HTTP Basic (a cached good password is free). */
        AUTHENTICATION,
        /** Registrations, by either endpoint. */
        ACCOUNT_CREATION
    }

    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s*s");
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);
    private final Set<String> exempt;

    public RateLimits(DataSource dataSource,
                      @Value("${annals.rate-limits.authentication:15/60s}") String authentication,
                      @Value("${annals.rate-limits.account-creation:25/1800s}") String accountCreation,
                      @Value("${annals.rate-limits.exempt:}") List<String> exempt) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
        configure(Limit.AUTHENTICATION, authentication);
        configure(Limit.ACCOUNT_CREATION, accountCreation);
        this.exempt = exempt.stream().map(String::trim).filter(address -> !address.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Takes one request from the address's allowance under {@code limit}.
     *
     * @throws Throttled when none is left
     */
    public void acquire(Limit limit, String clientAddress) {
        BucketConfiguration configuration = configurations.get(limit);
        if (configuration == null || clientAddress == null || exempt.contains(clientAddress)) {
            return;
        }
        String key = limit.name().toLowerCase(Locale.ROOT) + ":" + clientAddress;
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new Throttled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
        }
    }

    /** Buckets untouched long enough to be full again are the same as none: their rows go. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeFullBuckets() {
        while (buckets.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
            // another batch
        }
    }

    private void configure(Limit limit, String rate) {
        if (rate == null || rate.isBlank() || rate.trim().equalsIgnoreCase("off")) {
            return;
        }
        Matcher matcher = RATE.matcher(rate.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("rate limit " + limit + " must read like 15/60s or off, not " + rate);
        }
        long requests = Long.parseLong(matcher.group(1));
        Duration window = Duration.ofSeconds(Long.parseLong(matcher.group(2)));
        configurations.put(limit, BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(requests).refillIntervally(requests, window))
                .build());
    }

    /** A client over its allowance: 429, and when to try again. */
    public static final class Throttled extends RuntimeException {

        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("Throttled", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
