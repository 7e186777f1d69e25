package social.annals.gateway.render.entity;

/** Pleroma's notification settings: from whom the account is notified. */
public record NotificationSettings(boolean followers, boolean follows, boolean remote, boolean local) {
}
