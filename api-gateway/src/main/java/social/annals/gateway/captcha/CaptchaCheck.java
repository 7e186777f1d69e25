package social.annals.gateway.captcha;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import social.annals.command.captcha.CaptchaCommands;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.Params;

/**
 * The captcha step of registration, in Pleroma's order: all three fields present, answer data
 * sealed for this token, not expired, not used, solution right. A right solution uses the
 * captcha up even when registration then fails on another field, as in Pleroma.
 */
@Component
public class CaptchaCheck {

    private static final List<String> FIELDS = List.of("captcha_token", "captcha_solution", "captcha_answer_data");

    private final CaptchaSettings settings;
    private final CaptchaSeal seal;
    private final Commands commands;
    private final Clock clock;

    public CaptchaCheck(CaptchaSettings settings, CaptchaSeal seal, Commands commands, Clock clock) {
        this.settings = settings;
        this.seal = seal;
        this.commands = commands;
        this.clock = clock;
    }

    /** Does nothing when captcha is off; otherwise passes or throws the registration refusal. */
    public void verify(Params params) {
        if (!settings.enabled()) {
            return;
        }
        for (String field : FIELDS) {
            if (params.string(field).filter(value -> !value.isBlank()).isEmpty()) {
                throw CaptchaCommands.refusal("Invalid CAPTCHA (Missing parameter: " + field + ")");
            }
        }
        String token = params.required("captcha_token");
        CaptchaSeal.Sealed sealed = seal.open(token, params.required("captcha_answer_data"))
                .orElseThrow(() -> CaptchaCommands.refusal("Invalid answer data"));
        if (sealed.issuedAt().plusSeconds(settings.secondsValid()).isBefore(clock.instant())) {
            throw CaptchaCommands.refusal("CAPTCHA expired");
        }
        // The drawn letters are all capitals; a registrant typing them in lower case solved it too.
        boolean solved = sealed.answer().equals(params.required("captcha_solution").trim().toUpperCase(Locale.ROOT));
        try {
            commands.sendAndWait(CaptchaCommands.Use.of(token, solved));
        } catch (RuntimeException e) {
            if (ApiErrorHandler.unwrap(e) instanceof ConcurrencyException) {
                throw CaptchaCommands.refusal("CAPTCHA already used");
            }
            throw e;
        }
    }
}
