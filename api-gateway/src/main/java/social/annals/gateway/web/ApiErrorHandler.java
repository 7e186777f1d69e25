package social.annals.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import social.annals.command.DomainRefusal;
import social.annals.command.account.FlavourRejected;
import social.annals.command.account.ModerationRefused;
import social.annals.command.federation.FederationRefused;
import social.annals.command.account.ProfileRejected;
import social.annals.command.account.RegistrationRejected;
import social.annals.command.invite.InviteExpired;
import social.annals.command.notification.NotificationRefused;
import social.annals.command.oauth.AppRejected;
import social.annals.command.oauth.InvalidGrant;
import social.annals.command.status.PinRefused;
import social.annals.command.status.ReactionRefused;
import social.annals.command.status.StatusDeleteRefused;
import social.annals.gateway.security.RateLimits;

/** The one place where failures become HTTP answers. Client mistakes are never a 500. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ObjectMapper mapper;

    public ApiErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handle(Exception exception) {
        Throwable cause = unwrap(exception);
        if (cause instanceof ApiException api) {
            return body(api);
        }
        if (cause instanceof RateLimits.Throttled throttled) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
                    .body(Map.of("error", "Throttled"));
        }
        if (cause instanceof DomainRefusal refusal) {
            return refusal(refusal);
        }
        if (DatabaseUnavailable.causes(exception)) {
            log.warn("database unavailable: {}", exception.getMessage());
            return unavailable();
        }
        if (cause instanceof AggregateNotFoundException) {
            return error(HttpStatus.NOT_FOUND, "Record not found");
        }
        if (isConflict(cause)) {
            return error(HttpStatus.CONFLICT, "The resource was changed concurrently, please retry");
        }
        if (cause instanceof NoResourceFoundException || cause instanceof NoHandlerFoundException) {
            return error(HttpStatus.NOT_FOUND, "Not found");
        }
        if (cause instanceof HttpRequestMethodNotSupportedException) {
            return error(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
        }
        if (cause instanceof HttpMediaTypeNotAcceptableException) {
            return error(HttpStatus.NOT_ACCEPTABLE, "Not acceptable");
        }
        if (cause instanceof HttpMediaTypeNotSupportedException) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type");
        }
        if (cause instanceof MaxUploadSizeExceededException) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
        }
        if (cause instanceof HttpMessageNotReadableException || cause instanceof MultipartException) {
            return error(HttpStatus.BAD_REQUEST, "Malformed request body");
        }
        if (cause instanceof MissingServletRequestParameterException missing) {
            return body(ApiException.missingParameter(missing.getParameterName()));
        }
        log.error("unhandled failure", exception);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", Map.of("detail", "Internal server error")));
    }

    /** A bare string body is written as a JSON string, as Pleroma's fallbacks answer. */
    private ResponseEntity<Object> body(ApiException api) {
        Object body = api.body() instanceof String text ? json(text) : api.body();
        return ResponseEntity.status(api.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Domain refusals, each with Pleroma's status and body. */
    ResponseEntity<Object> refusal(DomainRefusal refusal) {
        if (refusal instanceof RegistrationRejected rejected) {
            return error(HttpStatus.BAD_REQUEST, json(rejected.fieldErrors()));
        }
        if (refusal instanceof ModerationRefused || refusal instanceof InviteExpired) {
            return body(ApiException.bare(HttpStatus.BAD_REQUEST, refusal.getMessage()));
        }
        if (refusal instanceof FlavourRejected || refusal instanceof ReactionRefused || refusal instanceof PinRefused
                || refusal instanceof FederationRefused) {
            return error(HttpStatus.BAD_REQUEST, refusal.getMessage());
        }
        if (refusal instanceof InvalidGrant) {
            return error(HttpStatus.BAD_REQUEST, "Invalid credentials");
        }
        if (refusal instanceof StatusDeleteRefused || refusal instanceof NotificationRefused) {
            return error(HttpStatus.FORBIDDEN, refusal.getMessage());
        }
        if (refusal instanceof AppRejected || refusal instanceof ProfileRejected) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, refusal.getMessage());
        }
        return error(HttpStatus.UNPROCESSABLE_ENTITY, refusal.getMessage());
    }

    /** Lost a race on an aggregate with another command, on this node or another. */
    public static boolean isConflict(Throwable cause) {
        return cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException;
    }

    /** The refusal inside Axon's and the JDK's wrappers, or the exception itself. */
    public static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof ApiException || current instanceof DomainRefusal) {
                return current;
            }
            if (current instanceof HandlerExecutionException handler && handler.getDetails().isPresent()
                    && handler.getDetails().get() instanceof Throwable details) {
                current = details;
                continue;
            }
            if ((current instanceof CommandExecutionException || current instanceof EventProcessingException
                    || current instanceof ExecutionException || current instanceof CompletionException)
                    && current.getCause() != null) {
                current = current.getCause();
                continue;
            }
            if (current.getCause() instanceof DomainRefusal || current.getCause() instanceof ApiException) {
                current = current.getCause();
                continue;
            }
            return current;
        }
        return exception;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client may retry: nothing was done, and the database is expected back. */
    public static ResponseEntity<Object> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5").body(Map.of("error", "Service temporarily unavailable"));
    }

    /** Always JSON, whatever the request's Accept: an error that cannot be written is a second failure. */
    private static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
