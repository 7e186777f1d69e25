package social.annals.command.captcha;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.command.account.RegistrationRejected;

/** Captchas are issued without a command (the answer travels sealed with the client); using one is recorded. */
public final class CaptchaCommands {

    private CaptchaCommands() {
    }

    /**
     * Use the captcha issued with {@code token} for a registration. The caller has verified the
     * sealed answer data and the expiry; {@code solved} says whether the registrant's solution matched.
     */
    public record Use(@TargetAggregateIdentifier String captchaId, boolean solved) {

        public static Use of(String token, boolean solved) {
            return new Use("captcha:" + token, solved);
        }
    }

    /** A registration refused for its captcha, as Pleroma reports it: under the {@code captcha} field. */
    public static RegistrationRejected refusal(String message) {
        return new RegistrationRejected(Map.of("captcha", List.of(message)));
    }
}
