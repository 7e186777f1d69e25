package social.annals.command.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.Digests;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.SigningKeyGenerated;

/**
 * Decides a registration: field rules, then nickname and e-mail uniqueness through the lookup,
 * then creates the account with a password hash (never the password) in its first event, and its
 * signing key pair in the second.
 */
@Component
class AccountRegistration {

    private final Repository<Account> accounts;
    private final AccountLookup lookup;
    private final PasswordHasher hasher;
    private final Digests digests;
    private final SigningKeyPairs keyPairs;
    private final boolean extendedNicknames;

    AccountRegistration(Repository<Account> accounts, AccountLookup lookup, PasswordHasher hasher,
                        Digests digests, SigningKeyPairs keyPairs,
                        @Value("${annals.instance.extended-nickname-format:false}") boolean extendedNicknames) {
        this.accounts = accounts;
        this.lookup = lookup;
        this.hasher = hasher;
        this.digests = digests;
        this.keyPairs = keyPairs;
        this.extendedNicknames = extendedNicknames;
    }

    @CommandHandler
    public String handle(AccountCommands.Register command, Clock clock) throws Exception {
        Map<String, List<String>> errors = ProfileRules.validateRegistration(command, extendedNicknames);
        String emailDigest = command.email() == null ? null : digests.email(command.email());
        if (!errors.containsKey("nickname") && lookup.nicknameTaken(command.nickname())) {
            errors.put("nickname", List.of("has already been taken"));
        }
        if (!errors.containsKey("email") && emailDigest != null && lookup.emailTaken(emailDigest)) {
            errors.put("email", List.of("has already been taken"));
        }
        if (!errors.isEmpty()) {
            throw new RegistrationRejected(errors);
        }
        AccountRegistered registered = new AccountRegistered(command.accountId(), command.nickname(),
                command.email().trim(), emailDigest, command.displayName(), command.bio() == null ? "" : command.bio(),
                command.noteHtml() == null ? "" : command.noteHtml(), hasher.hash(command.password()),
                command.confirmationPending(), clock.instant());
        SigningKeyPairs.Pem keys = keyPairs.generate();
        SigningKeyGenerated signingKey = new SigningKeyGenerated(command.accountId(), keys.publicKey(),
                keys.privateKey(), clock.instant());
        accounts.newInstance(() -> new Account(registered, signingKey));
        return command.accountId();
    }
}
