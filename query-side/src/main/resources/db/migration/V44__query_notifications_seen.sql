-- Read model "notifications-seen": the notifications their recipient marked as seen one by one,
-- written in the marking command's own transaction, so that the very next request shows them
-- seen without waiting for the "notifications" read model (which records the same in its
-- notification_view.seen). Dismissed and cleared notifications leave it.
CREATE TABLE notification_seen (
    recipient_id    varchar(32) NOT NULL,
    notification_id bigint NOT NULL,
    PRIMARY KEY (recipient_id, notification_id)
);
