package social.annals.command.captcha;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.command.account.RegistrationRejected;
import social.annals.events.captcha.CaptchaUsed;

class CaptchaTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String ID = "captcha:token1";

    private AggregateTestFixture<Captcha> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Captcha.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSolvedCaptchaIsUsedUp() {
        fixture.givenNoPriorActivity()
                .when(new CaptchaCommands.Use(ID, true))
                .expectEvents(new CaptchaUsed(ID, NOW));
    }

    @Test
    void aWrongSolutionIsRefusedAndLeavesTheCaptchaUsable() {
        fixture.givenNoPriorActivity()
                .when(new CaptchaCommands.Use(ID, false))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> refusedWith(e, "Invalid CAPTCHA")));
    }

    @Test
    void aUsedCaptchaIsRefusedWhateverTheSolution() {
        fixture.given(new CaptchaUsed(ID, NOW))
                .when(new CaptchaCommands.Use(ID, true))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> refusedWith(e, "CAPTCHA already used")));
        fixture.given(new CaptchaUsed(ID, NOW))
                .when(new CaptchaCommands.Use(ID, false))
                .expectException(Matchers.predicate(e -> refusedWith(e, "CAPTCHA already used")));
    }

    private static boolean refusedWith(Object exception, String message) {
        return exception instanceof RegistrationRejected rejected
                && rejected.fieldErrors().equals(Map.of("captcha", List.of(message)));
    }
}
