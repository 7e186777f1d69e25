package social.annals.command.oauth;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.oauth.OAuthAppRegistered;

/** A registered OAuth client. */
@Aggregate
class OAuthApp {

    public static final String RESERVED_NAME = "Mastodon-Local";
    /** Anyone may register an app, and what it registers stays in the log for good: every field is bounded. */
    static final int MAX_NAME = 255;
    static final int MAX_URIS = 2000;
    static final int MAX_SCOPES = 64;
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");

    @AggregateIdentifier
    private String appId;

    OAuthApp() {
    }

    @CommandHandler
    OAuthApp(OAuthCommands.RegisterApp command, Clock clock) {
        if (RESERVED_NAME.equals(command.name())) {
            throw new AppRejected("client_name is reserved");
        }
        if (command.name().length() > MAX_NAME) {
            throw new AppRejected("client_name should be at most " + MAX_NAME + " character(s)");
        }
        if (command.redirectUris().length() > MAX_URIS) {
            throw new AppRejected("redirect_uris should be at most " + MAX_URIS + " character(s)");
        }
        if (command.website() != null && command.website().length() > MAX_URIS) {
            throw new AppRejected("website should be at most " + MAX_URIS + " character(s)");
        }
        if (command.scopes().size() > MAX_SCOPES || !command.scopes().stream().allMatch(SCOPE.asMatchPredicate())) {
            throw new AppRejected("scopes are invalid");
        }
        apply(new OAuthAppRegistered(command.appId(), command.clientId(), command.clientSecretDigest(),
                command.name(), command.redirectUris(), command.scopes(), command.website(), clock.instant()));
    }

    @EventSourcingHandler
    void on(OAuthAppRegistered event) {
        appId = event.appId();
    }
}
