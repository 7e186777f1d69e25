package social.annals.gateway.api.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import social.annals.command.account.AccountCommands;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.invite.InviteCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.web.ApiException;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/** Registration as both registration endpoints and the command line use it. */
@Component
public class Registrations {

    /** What a registrant gave; null means "not given". */
    public record Form(String nickname, String email, String fullname, String bio, String password, String confirm) {
    }

    private final Commands commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;
    private final TextFormatter formatter;
    private final boolean activationRequired;

    public Registrations(Commands commands, Queries queries, FlakeIdGenerator ids, TextFormatter formatter,
                         @Value("${annals.instance.account-activation-required:false}") boolean activationRequired) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.formatter = formatter;
        this.activationRequired = activationRequired;
    }

    /** Registers and waits until the account read model shows the account. */
    public AccountView register(Form form) {
        return register(form, null);
    }

    /**
     * Registers with an invite ({@code inviteId} may be null): the invite's use and the account
     * commit together, so a registration that fails validation does not burn the invite.
     */
    public AccountView register(Form form, Long inviteId) {
        String accountId = ids.next();
        String bio = form.bio() == null ? "" : form.bio();
        AccountCommands.Register registration = new AccountCommands.Register(accountId, form.nickname(), form.email(),
                form.fullname(), bio, formatter.toHtml(bio), form.password(), form.confirm(), activationRequired);
        if (inviteId == null) {
            commands.sendAndWait(registration);
        } else {
            commands.inOneTransaction(inTransaction -> {
                inTransaction.sendAndWait(new InviteCommands.Use(inviteId, accountId));
                inTransaction.sendAndWait(registration);
            });
        }
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
