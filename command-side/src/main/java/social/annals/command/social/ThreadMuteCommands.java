package social.annals.command.social;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One account's mute of one conversation; muting or unmuting again changes nothing. */
public final class ThreadMuteCommands {

    private ThreadMuteCommands() {
    }

    /** The id of the account's mute of the conversation. */
    public static String idOf(String accountId, String conversationId) {
        return "thread-mute:" + accountId + ":" + conversationId;
    }

    public record Mute(@TargetAggregateIdentifier String muteId, String accountId, String conversationId) {
        public Mute(String accountId, String conversationId) {
            this(idOf(accountId, conversationId), accountId, conversationId);
        }
    }

    public record Unmute(@TargetAggregateIdentifier String muteId, String accountId, String conversationId) {
        public Unmute(String accountId, String conversationId) {
            this(idOf(accountId, conversationId), accountId, conversationId);
        }
    }
}
