package social.annals.command.captcha;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Use the captcha issued with {@code token} for a registration. The caller has verified the
 * sealed answer data and the expiry; {@code solved} says whether the registrant's solution matched.
 */
public record UseCaptchaCommand(@TargetAggregateIdentifier String captchaId, boolean solved) {

    public static UseCaptchaCommand of(String token, boolean solved) {
        return new UseCaptchaCommand("captcha:" + token, solved);
    }
}
