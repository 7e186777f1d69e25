package social.annals.command.account;

import social.annals.command.DomainRefusal;

public class PasswordResetRefused extends DomainRefusal {

    public PasswordResetRefused(String message) {
        super(message);
    }
}
