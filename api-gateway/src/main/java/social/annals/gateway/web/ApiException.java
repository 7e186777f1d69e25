package social.annals.gateway.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An HTTP refusal with Pleroma's exact body, which may be an object or a bare JSON string. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Object body;

    public ApiException(HttpStatus status, Object body) {
        super(String.valueOf(body), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** {@code {"error": message}}. */
    public static ApiException error(HttpStatus status, String message) {
        return new ApiException(status, Map.of("error", message));
    }

    /** A bare JSON string body, as Pleroma's fallbacks answer. */
    public static ApiException bare(HttpStatus status, String message) {
        return new ApiException(status, message);
    }

    public static ApiException notFound() {
        return error(HttpStatus.NOT_FOUND, "Record not found");
    }

    public static ApiException invalidCredentials() {
        return error(HttpStatus.FORBIDDEN, "Invalid credentials.");
    }

    /** Pleroma 2.x's OpenAPI-style answer for a missing or malformed parameter. */
    public static ApiException invalidParameter(String name, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, Map.of("error", message, "errors",
                List.of(Map.of("title", "Invalid value", "source", Map.of("pointer", "/" + name), "message", message))));
    }

    public static ApiException missingParameter(String name) {
        return invalidParameter(name, "Missing field: " + name + ".");
    }

    public HttpStatus status() {
        return status;
    }

    public Object body() {
        return body;
    }
}
