package social.annals.events.account;

/** Pleroma's permission groups. */
public enum AccountRole {
    ADMIN("admin"),
    MODERATOR("moderator");

    private final String group;

    AccountRole(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }
}
