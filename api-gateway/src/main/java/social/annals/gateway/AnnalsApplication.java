package social.annals.gateway;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import social.annals.gateway.cli.DatasetCommandLine;
import social.annals.gateway.cli.RebuildCommandLine;
import social.annals.gateway.cli.UserCommandLine;

/** The all-in-one server; {@code user ...}, {@code dataset ...} and {@code rebuild ...} arguments run command-line tools instead. */
@SpringBootApplication(scanBasePackages = "social.annals", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("social.annals.gateway")
@EnableScheduling
public class AnnalsApplication {

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        if (args.length > 0 && UserCommandLine.NAME.equals(args[0])) {
            System.exit(UserCommandLine.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && RebuildCommandLine.NAME.equals(args[0])) {
            System.exit(RebuildCommandLine.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && DatasetCommandLine.NAME.equals(args[0])) {
            System.exit(DatasetCommandLine.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(AnnalsApplication.class, args);
    }
}
