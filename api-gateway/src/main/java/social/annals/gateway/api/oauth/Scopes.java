package social.annals.gateway.api.oauth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import social.annals.gateway.web.Params;
import social.annals.query.auth.AuthQueries;

/** OAuth scope lists: "read write", "read, write, follow" or a JSON array; empty entries dropped. */
public final class Scopes {

    private Scopes() {
    }

    /**
     * What a grant may carry: the requested scopes when they are a subset of the app's, all of the
     * app's when none are requested, and nothing (refusal) otherwise.
     */
    public static Optional<List<String>> grantable(AuthQueries.App app, List<String> requested) {
        if (requested.isEmpty()) {
            return Optional.of(app.scopes());
        }
        return app.scopes().containsAll(requested) ? Optional.of(requested) : Optional.empty();
    }

    /** The scopes of {@code scopes} or {@code scope}, or empty when neither is given. */
    public static List<String> from(Params params) {
        List<String> values = params.strings("scopes");
        if (values.isEmpty()) {
            values = params.strings("scope");
        }
        return parse(String.join(" ", values));
    }

    /** Scopes separated by spaces and/or commas, duplicates and empty entries dropped. */
    public static List<String> parse(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value != null) {
            for (String part : value.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
