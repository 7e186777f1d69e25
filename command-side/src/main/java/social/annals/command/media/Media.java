package social.annals.command.media;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.media.MediaUploaded;

/** An uploaded file, owned by the account that uploaded it. */
@Aggregate
class Media {

    @AggregateIdentifier
    private String mediaId;

    Media() {
    }

    @CommandHandler
    Media(MediaCommands.Upload command, Clock clock) {
        apply(new MediaUploaded(command.mediaId(), command.ownerId(), command.mimeType(), command.size(),
                command.description(), clock.instant()));
    }

    @EventSourcingHandler
    void on(MediaUploaded event) {
        mediaId = event.mediaId();
    }
}
