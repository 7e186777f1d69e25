package social.annals.command.emoji;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.emoji.CustomEmoji;

/** The instance's custom emoji, kept by one registry. */
public final class EmojiCommands {

    /** The id of the instance's one emoji registry. */
    public static final String REGISTRY_ID = "custom-emoji";

    private EmojiCommands() {
    }

    /**
     * Replace the instance's custom emoji by what the sources hold now. {@code requestedBy} is the
     * admin asking (the reload is then recorded even when nothing changed), or null at startup.
     */
    public record Reload(@TargetAggregateIdentifier String registryId, List<CustomEmoji> found, String requestedBy) {

        public static Reload of(List<CustomEmoji> found, String requestedBy) {
            return new Reload(REGISTRY_ID, List.copyOf(found), requestedBy);
        }
    }
}
