package social.annals.gateway.api.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import social.annals.command.account.RegisterAccountCommand;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.web.ApiException;
import social.annals.query.account.AccountProjection;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/** Registration as both registration endpoints and the command line use it. */
@Component
public class Registrations {

    /** What a registrant gave; null means "not given". */
    public record Form(String nickname, String email, String fullname, String bio, String password, String confirm) {
    }

    private final CommandGateway commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;
    private final TextFormatter formatter;
    private final ConsistencyBarrier barrier;
    private final boolean activationRequired;

    public Registrations(CommandGateway commands, Queries queries, FlakeIdGenerator ids, TextFormatter formatter,
                         ConsistencyBarrier barrier,
                         @Value("${annals.instance.account-activation-required:false}") boolean activationRequired) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.formatter = formatter;
        this.barrier = barrier;
        this.activationRequired = activationRequired;
    }

    /** Registers and waits until the account read model shows the account. */
    public AccountView register(Form form) {
        String accountId = ids.next();
        String bio = form.bio() == null ? "" : form.bio();
        commands.sendAndWait(new RegisterAccountCommand(accountId, form.nickname(), form.email(), form.fullname(), bio,
                formatter.toHtml(bio), form.password(), form.confirm(), activationRequired));
        barrier.await(accountId, AccountProjection.GROUP);
        AccountView account = queries.one(new AccountQueries.ById(accountId), AccountView.class);
        if (account == null) {
            // Registered, but the read model is further behind than the barrier waits.
            throw ApiException.error(HttpStatus.SERVICE_UNAVAILABLE, "The account was created; try reading it again shortly");
        }
        return account;
    }

    public boolean activationRequired() {
        return activationRequired;
    }
}
