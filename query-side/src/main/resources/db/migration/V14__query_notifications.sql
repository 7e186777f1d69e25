-- Read model "notifications": what each account was notified of, newest first by id.
CREATE TABLE notification_view (
    notification_id bigint PRIMARY KEY,
    recipient_id    varchar(32) NOT NULL,
    type            varchar(16) NOT NULL,
    actor_id        varchar(32) NOT NULL,
    status_id       varchar(32),
    seen            boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL
);
-- Keyset pages of one account's notifications, in either direction, without a sort.
CREATE INDEX notification_view_recipient ON notification_view (recipient_id, notification_id);
CREATE INDEX notification_view_unseen ON notification_view (recipient_id, notification_id) WHERE NOT seen;
-- Notifications about a status go when it goes.
CREATE INDEX notification_view_status ON notification_view (status_id) WHERE status_id IS NOT NULL;

-- Where each account's notifications read marker stands (Mastodon markers).
CREATE TABLE notification_marker (
    account_id   varchar(32) PRIMARY KEY,
    last_read_id bigint NOT NULL,
    version      bigint NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Deleted statuses, so a notification delivered after its status was deleted is not shown.
CREATE TABLE notification_deleted_status (
    status_id varchar(32) PRIMARY KEY
);
