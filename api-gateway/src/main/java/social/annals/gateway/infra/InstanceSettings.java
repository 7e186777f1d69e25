package social.annals.gateway.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/** The instance's settings ({@code annals.instance.*}, see docs/operations.md, "Configuration"), read in one place. */
@ConfigurationProperties("annals.instance")
public record InstanceSettings(
        @DefaultValue("Annals") String name,
        @DefaultValue("") String description,
        @DefaultValue("") String email,
        @DefaultValue("5000") int limit,
        @DefaultValue("true") boolean registrationsOpen,
        @DefaultValue("false") boolean accountActivationRequired,
        @DefaultValue("true") boolean healthcheck,
        @Name("public") @DefaultValue("true") boolean publicTimelines) {
}
