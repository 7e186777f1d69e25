package social.annals.events.moderation;

import java.time.Instant;
import java.util.List;

/** An operator asked for these read models to be rebuilt from the event log. */
public record ReadModelsRebuildRequested(String actionId, List<String> readModels, Moderator by, Instant at) {

    public ReadModelsRebuildRequested {
        readModels = List.copyOf(readModels);
    }
}
