package social.annals.events.captcha;

import java.time.Instant;

/** A captcha was solved for a registration; it cannot be used again. */
public record CaptchaUsed(String captchaId, Instant usedAt) {
}
