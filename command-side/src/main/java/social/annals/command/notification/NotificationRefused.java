package social.annals.command.notification;

import social.annals.command.DomainRefusal;

/** The notification does not exist, is gone, or belongs to someone else (Pleroma does not tell which). */
public class NotificationRefused extends DomainRefusal {

    private NotificationRefused(String message) {
        super(message);
    }

    public static NotificationRefused cannotGet() {
        return new NotificationRefused("Cannot get notification");
    }

    public static NotificationRefused cannotDismiss() {
        return new NotificationRefused("Cannot dismiss notification");
    }
}
