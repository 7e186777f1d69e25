package social.annals.gateway.api.instance;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pleroma's healthcheck, from live data: the pool, the database's backends and the JVM's memory. */
@RestController
public class HealthcheckController {

    private static final Logger log = LoggerFactory.getLogger(HealthcheckController.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean enabled;

    public HealthcheckController(JdbcTemplate jdbc, DataSource dataSource,
                                 @Value("${annals.instance.healthcheck:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @GetMapping("/api/pleroma/healthcheck")
    public ResponseEntity<Map<String, Object>> healthcheck() {
        if (!enabled) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of());
        }
        try {
            Map<String, Object> counts = jdbc.queryForMap("SELECT count(*) FILTER (WHERE state = 'active') AS active, "
                    + "count(*) FILTER (WHERE state IS DISTINCT FROM 'active') AS idle "
                    + "FROM pg_stat_activity WHERE datname = current_database()");
            int poolSize = poolSize();
            long active = ((Number) counts.get("active")).longValue();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pool_size", poolSize);
            body.put("active", active);
            body.put("idle", ((Number) counts.get("idle")).longValue());
            body.put("memory_used", memoryUsedMiB());
            body.put("healthy", active < poolSize);
            return ResponseEntity.status(active < poolSize ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(body);
        } catch (DataAccessException e) {
            log.warn("healthcheck cannot reach the database: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("healthy", false));
        }
    }

    private int poolSize() {
        return dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 10;
    }

    /** Used heap and non-heap memory in MiB, two decimals. */
    private static double memoryUsedMiB() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
        return BigDecimal.valueOf(used / (1024.0 * 1024.0)).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
