package social.annals.gateway.render.entity;

import java.util.List;

/** Mastodon's Context: the visible ancestors of a status, root first, and its descendants, depth first. */
public record StatusContext(List<Status> ancestors, List<Status> descendants) {
}
