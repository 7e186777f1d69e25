package social.annals.command.oauth;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.oauth.OAuthAppRegistered;

/** A registered OAuth client. */
@Aggregate
public class OAuthApp {

    public static final String RESERVED_NAME = "Mastodon-Local";

    @AggregateIdentifier
    private String appId;

    protected OAuthApp() {
    }

    @CommandHandler
    public OAuthApp(RegisterAppCommand command, Clock clock) {
        if (RESERVED_NAME.equals(command.name())) {
            throw new AppRejected("client_name is reserved");
        }
        apply(new OAuthAppRegistered(command.appId(), command.clientId(), command.clientSecretDigest(),
                command.name(), command.redirectUris(), command.scopes(), command.website(), clock.instant()));
    }

    @EventSourcingHandler
    void on(OAuthAppRegistered event) {
        appId = event.appId();
    }
}
