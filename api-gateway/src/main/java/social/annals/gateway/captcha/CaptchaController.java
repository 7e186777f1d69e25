package social.annals.gateway.captcha;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/pleroma/captcha}: Pleroma's native provider, or {@code {"type":"none"}} when off. */
@RestController
public class CaptchaController {

    private static final int TEXT_LENGTH = 6;

    private final CaptchaSettings settings;
    private final CaptchaSeal seal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CaptchaController(CaptchaSettings settings, CaptchaSeal seal, Clock clock) {
        this.settings = settings;
        this.seal = seal;
        this.clock = clock;
    }

    @GetMapping("/api/pleroma/captcha")
    public Map<String, Object> captcha() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!settings.enabled()) {
            out.put("type", "none");
            return out;
        }
        byte[] tokenBytes = new byte[10];
        random.nextBytes(tokenBytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        String answer = CaptchaImage.randomText(random, TEXT_LENGTH);
        out.put("type", "native");
        out.put("token", token);
        out.put("url", "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(CaptchaImage.png(answer, random)));
        out.put("answer_data", seal.seal(token, answer, clock.instant()));
        out.put("seconds_valid", settings.secondsValid());
        return out;
    }
}
