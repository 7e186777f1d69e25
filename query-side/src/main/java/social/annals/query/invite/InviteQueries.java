package social.annals.query.invite;

import java.time.LocalDate;

/** Queries answered from the "invites" read model. */
public final class InviteQueries {

    private InviteQueries() {
    }

    /** Every invite, oldest first. */
    public record All() {
    }

    public record ByTokenDigest(String tokenDigest) {
    }

    /** {@code type} is Pleroma's name ({@code one_time}, {@code reusable}, …). */
    public record Invite(long inviteId, boolean used, int uses, Integer maxUse, LocalDate expiresOn, String type) {
    }
}
