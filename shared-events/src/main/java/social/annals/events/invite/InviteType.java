package social.annals.events.invite;

/** Pleroma's invite kinds, derived from which limits an invite has. */
public enum InviteType {
    ONE_TIME, REUSABLE, DATE_LIMITED, REUSABLE_DATE_LIMITED;

    public static InviteType of(Integer maxUse, Object expiresOn) {
        if (maxUse != null) {
            return expiresOn != null ? REUSABLE_DATE_LIMITED : REUSABLE;
        }
        return expiresOn != null ? DATE_LIMITED : ONE_TIME;
    }
}
