package social.annals.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import social.annals.gateway.cli.AnnalsCommandLine;

/** The all-in-one server; {@code user}, {@code dataset} and {@code rebuild} run tools instead ({@code --help}). */
@SpringBootApplication(scanBasePackages = "social.annals", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("social.annals.gateway")
@EnableScheduling
public class AnnalsApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        AnnalsCommandLine.run(args);
    }
}
