package social.annals.command.emoji;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.emoji.CustomEmoji;

/**
 * Replace the instance's custom emoji by what the sources hold now. {@code requestedBy} is the
 * admin asking (the reload is then recorded even when nothing changed), or null at startup.
 */
public record ReloadEmojiCommand(@TargetAggregateIdentifier String registryId, List<CustomEmoji> found,
                                 String requestedBy) {

    public static ReloadEmojiCommand of(List<CustomEmoji> found, String requestedBy) {
        return new ReloadEmojiCommand(EmojiRegistry.ID, List.copyOf(found), requestedBy);
    }
}
