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

    String scope() default "";

    enum Level {
        /** A user must be authenticated; otherwise 403 "Invalid credentials.". */
        REQUIRED,
        /** Anonymous allowed; a token lacking the scope is treated as anonymous. */
        OPTIONAL,
        /**
         * A user with the scope, or nobody signed in (no credentials, or an app's token): the handler
         * answers for nobody. A user lacking the scope, and credentials that match nobody, are refused.
         */
        USER_OR_NOBODY,
        /** Any token that carries an app (e.g. from client_credentials). */
        APP,
        /** An admin user, or the configured admin_token. */
        ADMIN
    }
}
