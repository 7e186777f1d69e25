package social.annals.gateway.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says which database and roles this node runs with, once it is ready. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final Roles roles;

    StartupReport(Environment environment, Roles roles) {
        this.environment = environment;
        this.roles = roles;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info("Database: {} PostgreSQL at {} (user {}); roles: {}",
                environment.getProperty("annals.database.kind", "external"),
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), roles);
    }
}
