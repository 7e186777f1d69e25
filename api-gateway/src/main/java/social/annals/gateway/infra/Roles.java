package social.annals.gateway.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What this node does. {@code web}: HTTP, commands and queries. {@code projector}: runs the
 * tracking processors that keep the read models. A node may have both (the default).
 */
@Component
public class Roles {

    private final Set<String> roles;

    public Roles(@Value("${annals.roles:web,projector}") String roles) {
        this.roles = parse(roles);
    }

    static Set<String> parse(String roles) {
        return Arrays.stream(roles.split(","))
                .map(r -> r.trim().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean web() {
        return roles.contains("web");
    }

    public boolean projector() {
        return roles.contains("projector");
    }

    @Override
    public String toString() {
        return String.join(",", roles);
    }
}
