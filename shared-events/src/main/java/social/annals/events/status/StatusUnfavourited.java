package social.annals.events.status;

import java.time.Instant;

public record StatusUnfavourited(String accountId, String statusId, String statusAuthorId, Instant unfavouritedAt) {
}
