package social.annals.gateway.render.entity;

import java.util.List;

/** Mastodon's v2 Search: local accounts, statuses the viewer may see, hashtags in use. */
public record SearchResults(List<Account> accounts, List<Status> statuses, List<Tag> hashtags) {
}
