package social.annals.gateway.api;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import social.annals.gateway.web.ApiErrorHandler;

/** Blocking shorthands over the query gateway; failures surface as their real cause. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    /** The single answer, or null when the read model has none. */
    public <T> T one(Object query, Class<T> type) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(type)).join();
        } catch (RuntimeException e) {
            throw rethrow(e);
        }
    }

    public <T> List<T> many(Object query, Class<T> type) {
        try {
            return gateway.query(query, ResponseTypes.multipleInstancesOf(type)).join();
        } catch (RuntimeException e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(RuntimeException e) {
        Throwable cause = ApiErrorHandler.unwrap(e);
        return cause instanceof RuntimeException runtime ? runtime : e;
    }
}
