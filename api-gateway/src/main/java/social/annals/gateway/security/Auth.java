package social.annals.gateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Who may call an endpoint, and which OAuth scope a token needs for it (Pleroma's rules). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Auth {

    Level value();

    /**
     * The scopes a token needs, any one of them (Pleroma's fine-grained ones: a coarse scope such
     * as {@code write} carries every {@code write:…}, and {@code follow} the follow, block and mute
     * ones). Empty: none.
     */
    String[] scope() default {};

    enum Level {
        /** A user must be authenticated; otherwise 403 "Invalid credentials.". */
        REQUIRED,
        /** Anonymous allowed; a token lacking the scope is treated as anonymous. */
        OPTIONAL,
        /** Any token that carries an app (e.g. from client_credentials). */
        APP,
        /** An admin user, or the configured admin_token. */
        ADMIN
    }
}
