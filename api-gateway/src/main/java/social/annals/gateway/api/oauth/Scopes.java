package social.annals.gateway.api.oauth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import social.annals.gateway.web.Params;

/** OAuth scope lists: "read write", "read, write, follow" or a JSON array; empty entries dropped. */
public final class Scopes {

    private Scopes() {
    }

    /** The scopes of {@code scopes} or {@code scope}, or empty when neither is given. */
    public static List<String> from(Params params) {
        List<String> values = params.strings("scopes");
        if (values.isEmpty()) {
            values = params.strings("scope");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
