package social.annals.events.moderation;

import java.time.Instant;
import java.util.List;

/** An admin added moderation tags (lower-cased) to these accounts. */
public record AccountsTagged(String actionId, List<AccountRef> accounts, List<String> tags, Moderator by, Instant at) {

    public AccountsTagged {
        accounts = List.copyOf(accounts);
        tags = List.copyOf(tags);
    }
}
