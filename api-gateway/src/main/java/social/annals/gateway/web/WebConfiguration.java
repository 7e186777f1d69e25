package social.annals.gateway.web;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import social.annals.gateway.security.AuthInterceptor;
import social.annals.gateway.security.ViewerResolver;

@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebConfiguration implements WebMvcConfigurer {

    private final ParamsResolver paramsResolver;
    private final ViewerResolver viewerResolver;
    private final AuthInterceptor authInterceptor;

    public WebConfiguration(ParamsResolver paramsResolver, ViewerResolver viewerResolver,
                            AuthInterceptor authInterceptor) {
        this.paramsResolver = paramsResolver;
        this.viewerResolver = viewerResolver;
        this.authInterceptor = authInterceptor;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(paramsResolver);
        resolvers.add(viewerResolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor);
    }

    /** Clients call {@code /api/v1/mutes/} and {@code /relationships/?id=..}: serve them as without the slash. */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashes() {
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Around everything that may reach the database, the request's connection scope included. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutage() {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
                new DatabaseOutageFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before Spring Security, so that the token lookup shares the request's connection. */
    @Bean
    FilterRegistrationBean<ReadConnectionScope> readConnectionScope(PlatformTransactionManager transactionManager) {
        FilterRegistrationBean<ReadConnectionScope> registration = new FilterRegistrationBean<>(
                new ReadConnectionScope(transactionManager));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
