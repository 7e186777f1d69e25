package social.annals.events.status;

import java.time.Instant;

public record StatusFavourited(String accountId, String statusId, String statusAuthorId, Instant favouritedAt) {
}
