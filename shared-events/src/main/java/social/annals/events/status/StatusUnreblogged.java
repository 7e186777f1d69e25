package social.annals.events.status;

import java.time.Instant;

public record StatusUnreblogged(String reblogId, String accountId, String statusId, Instant unrebloggedAt) {
}
