package social.annals.events.federation;

import java.util.Locale;
import java.util.Optional;

/**
 * What an admin may impose on another server, as Pleroma's SimplePolicy names it: {@code REJECT}
 * (nothing accepted from it, nothing sent to it), {@code ACCEPT} (allow-list mode: once any host has
 * it, only those hosts federate), and the narrower ones on what it sends us.
 */
public enum InstancePolicy {
    REJECT, ACCEPT, MEDIA_REMOVAL, MEDIA_NSFW, FEDERATED_TIMELINE_REMOVAL, FOLLOWERS_ONLY, REPORT_REMOVAL,
    AVATAR_REMOVAL, BANNER_REMOVAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InstancePolicy> fromApiName(String name) {
        for (InstancePolicy policy : values()) {
            if (name != null && policy.apiName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
