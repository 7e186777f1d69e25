package social.annals.gateway.federation;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import social.annals.gateway.federation.http.GuardedHttp;

/** Federation's settings (application.yml, {@code annals.federation}) and its HTTP client. */
@Configuration
public class FederationConfiguration {

    @Bean
    GuardedHttp guardedHttp(@Value("${annals.federation.allow-private-addresses:false}") boolean allowPrivate,
                            @Value("${annals.federation.request-timeout-ms:10000}") long timeoutMs,
                            @Value("${annals.base-url}") String baseUrl) {
        GuardedHttp.Limits defaults = GuardedHttp.Limits.defaults(allowPrivate);
        return new GuardedHttp(new GuardedHttp.Limits(defaults.connectTimeout(), Duration.ofMillis(timeoutMs),
                defaults.maxRedirects(), defaults.maxBodyBytes(), allowPrivate), "Annals/0.1.0 (+" + baseUrl + ")");
    }
}
