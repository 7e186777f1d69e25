package social.annals.gateway.web;

import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
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

    /** Responses only: the application's own ObjectMapper (and whatever else uses it) is left as it is. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .registerModule(new SimpleModule("rendered-maps").addSerializer(new RenderedMapSerializer())));
            }
        }
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
