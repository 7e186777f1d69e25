package social.annals.command.invite;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class InviteCommands {

    private InviteCommands() {
    }

    public static String idOf(long inviteId) {
        return "invite:" + inviteId;
    }

    public record Create(@TargetAggregateIdentifier String aggregateId, long inviteId, String tokenDigest,
                         Integer maxUse, LocalDate expiresOn, String createdBy) {
        public Create(long inviteId, String tokenDigest, Integer maxUse, LocalDate expiresOn, String createdBy) {
            this(idOf(inviteId), inviteId, tokenDigest, maxUse, expiresOn, createdBy);
        }
    }

    /** Use the invite for the registration of {@code accountId}; refused when it is no longer valid. */
    public record Use(@TargetAggregateIdentifier String aggregateId, String accountId) {
        public Use(long inviteId, String accountId) {
            this(idOf(inviteId), accountId);
        }
    }

    public record Revoke(@TargetAggregateIdentifier String aggregateId, String revokedBy) {
        public Revoke(long inviteId, String revokedBy) {
            this(idOf(inviteId), revokedBy);
        }
    }
}
