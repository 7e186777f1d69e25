package social.annals.gateway.infra;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the embedded PostgreSQL when its application context closes, and only then: registered
 * before any bean, it is destroyed after all of them, so event processors, schedulers and the
 * connection pool have stopped using the database when it goes (Ctrl-C used to stop it first).
 * A context that fails to start is closed too, and so releases it as well.
 */
public class EmbeddedDatabaseRelease implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String instance = context.getEnvironment().getProperty(EmbeddedDatabaseEnvironment.INSTANCE_PROPERTY);
        if (instance != null && context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("embeddedDatabaseRelease",
                    () -> EmbeddedDatabaseEnvironment.release(instance));
        }
    }
}
