package social.annals.command.captcha;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.captcha.CaptchaUsed;

/**
 * One issued captcha, existing in the log only once used. Issuing keeps no state (the answer
 * travels sealed with the client), so single use is this aggregate's invariant: two nodes using
 * the same captcha at once both try to start its stream and one of them fails.
 */
@Aggregate
class Captcha {

    @AggregateIdentifier
    private String captchaId;
    private boolean used;

    Captcha() {
    }

    /** A wrong solution leaves the captcha usable until it expires, as in Pleroma. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CaptchaCommands.Use command, Clock clock) {
        if (used) {
            throw CaptchaCommands.refusal("CAPTCHA already used");
        }
        if (!command.solved()) {
            throw CaptchaCommands.refusal("Invalid CAPTCHA");
        }
        apply(new CaptchaUsed(command.captchaId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(CaptchaUsed event) {
        captchaId = event.captchaId();
        used = true;
    }
}
