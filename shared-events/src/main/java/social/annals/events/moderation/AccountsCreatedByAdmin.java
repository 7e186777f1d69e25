package social.annals.events.moderation;

import java.time.Instant;
import java.util.List;

/** An admin created these accounts in one action (their registrations are recorded with it). */
public record AccountsCreatedByAdmin(String actionId, List<AccountRef> accounts, Moderator by, Instant at) {

    public AccountsCreatedByAdmin {
        accounts = List.copyOf(accounts);
    }
}
