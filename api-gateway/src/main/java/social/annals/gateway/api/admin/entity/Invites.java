package social.annals.gateway.api.admin.entity;

import java.util.List;

/** Every invite. */
public record Invites(List<Invite> invites) {
}
