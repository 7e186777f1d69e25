package social.annals.command.emoji;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.emoji.CustomEmojiReloaded;

/**
 * The instance's custom emoji (one per instance). A reload records only the difference to what
 * is known, so nodes starting with the same files add nothing to the log.
 */
@Aggregate
class EmojiRegistry {

    @AggregateIdentifier
    private String registryId;
    private final Map<String, CustomEmoji> known = new HashMap<>();

    EmojiRegistry() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EmojiCommands.Reload command, Clock clock) {
        Map<String, CustomEmoji> found = new LinkedHashMap<>();
        command.found().forEach(emoji -> found.put(emoji.shortcode(), emoji));
        List<CustomEmoji> upserted = found.values().stream()
                .filter(emoji -> !Objects.equals(known.get(emoji.shortcode()), emoji)).toList();
        List<String> removed = new ArrayList<>(known.keySet().stream()
                .filter(shortcode -> !found.containsKey(shortcode)).sorted().toList());
        boolean changed = !upserted.isEmpty() || !removed.isEmpty();
        if (changed || command.requestedBy() != null || registryId == null) {
            apply(new CustomEmojiReloaded(upserted, removed, command.requestedBy(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(CustomEmojiReloaded event) {
        registryId = EmojiCommands.REGISTRY_ID;
        event.removed().forEach(known::remove);
        event.upserted().forEach(emoji -> known.put(emoji.shortcode(), emoji));
    }
}
