package social.annals.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Spring Security runs our authenticators; per-endpoint rules live on the controllers
 * ({@link Auth}) because Pleroma's answers differ by endpoint (403 bodies, optional auth that
 * silently drops an under-scoped token).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    /**
     * No observation around each security filter: with the filters' spans switched off
     * (application.yml) the wrapping still cost a tenth of an inbox POST (docs/measurements.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Authenticator authenticator, SessionCookie sessionCookie,
                            @Value("${annals.admin-token:}") String adminToken) throws Exception {
        // Built once: a configuration made per request compiles its origin pattern every time.
        var cors = new org.springframework.web.cors.CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.addAllowedHeader("*");
        cors.addAllowedMethod("*");
        cors.addExposedHeader("Link");
        return http
                .csrf(csrf -> csrf.disable())
                .cors(configurer -> configurer.configurationSource(request -> cors))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiAuthenticationFilter(authenticator, sessionCookie, adminToken),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
