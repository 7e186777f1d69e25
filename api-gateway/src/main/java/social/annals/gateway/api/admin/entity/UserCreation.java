package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one user an admin asked to create, Pleroma 1.1's shape: {@code success} with
 * code 200, or {@code error} with code 409 and, on the user that failed, the first error
 * (an empty {@code error} on the others, which were not created either).
 */
public record UserCreation(String type, int code, @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                           User data) {

    /** The user as asked for. */
    public record User(String nickname, String email) {
    }
}
