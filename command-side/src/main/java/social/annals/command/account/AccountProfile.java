package social.annals.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.ProfileUpdated;

/** What others see of an {@link Account}: its names, its bio and whether it is locked. */
class AccountProfile {

    private String accountId;
    private String displayName;
    private String bio;
    private String noteHtml;
    private boolean locked;
    private boolean hideFavorites;

    /** Records the whole new profile, or nothing when nothing changes. */
    @CommandHandler
    public void handle(AccountCommands.UpdateProfile command, Clock clock) {
        String newDisplayName = command.displayName() != null ? command.displayName() : displayName;
        String error = ProfileRules.displayNameError(newDisplayName);
        if (error != null) {
            throw new ProfileRejected("display_name " + error);
        }
        String newNote = command.noteHtml() != null ? command.noteHtml() : noteHtml;
        if (newNote != null && newNote.length() > ProfileRules.MAX_NOTE_HTML) {
            throw new ProfileRejected("note " + ProfileRules.atMost(ProfileRules.MAX_NOTE_HTML));
        }
        String newBio = command.bio() != null ? command.bio() : bio;
        boolean newLocked = command.locked() != null ? command.locked() : locked;
        boolean newHide = command.hideFavorites() != null ? command.hideFavorites() : hideFavorites;
        if (Objects.equals(newDisplayName, displayName) && Objects.equals(newBio, bio)
                && Objects.equals(newNote, noteHtml) && newLocked == locked && newHide == hideFavorites) {
            return;
        }
        apply(new ProfileUpdated(accountId, newDisplayName, newBio, newNote, newLocked, newHide, clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        displayName = event.displayName();
        bio = event.bio();
        noteHtml = event.noteHtml();
        hideFavorites = true;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        displayName = event.displayName();
        bio = event.bio();
        noteHtml = event.noteHtml();
        locked = event.locked();
        hideFavorites = event.hideFavorites();
    }
}
