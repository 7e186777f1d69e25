package social.annals.gateway.captcha;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The native captcha ({@code annals.captcha.*}): off by default, as in Pleroma. */
@ConfigurationProperties("annals.captcha")
public record CaptchaSettings(@DefaultValue("false") boolean enabled, @DefaultValue("300") int secondsValid) {
}
