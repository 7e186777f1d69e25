package social.annals.events.moderation;

import java.time.Instant;
import java.util.List;

/** An admin removed moderation tags from these accounts. */
public record AccountsUntagged(String actionId, List<AccountRef> accounts, List<String> tags, Moderator by,
                               Instant at) {

    public AccountsUntagged {
        accounts = List.copyOf(accounts);
        tags = List.copyOf(tags);
    }
}
