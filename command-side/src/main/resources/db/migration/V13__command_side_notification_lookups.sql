-- What the notification policy must know to decide who is notified, kept in the transaction of
-- the events that change it (subscribing group "command-lookups").

-- One row per direction between two accounts.
CREATE TABLE relationship_lookup (
    account_id           varchar(32) NOT NULL,
    target_id            varchar(32) NOT NULL,
    following            boolean NOT NULL DEFAULT false,
    blocking             boolean NOT NULL DEFAULT false,
    muting_notifications boolean NOT NULL DEFAULT false,
    subscribing          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (account_id, target_id)
);
CREATE INDEX relationship_lookup_subscribers ON relationship_lookup (target_id, account_id) WHERE subscribing;

-- Accounts that changed their notification switches (the others have every switch on).
CREATE TABLE notification_settings_lookup (
    account_id varchar(32) PRIMARY KEY,
    followers  boolean NOT NULL,
    follows    boolean NOT NULL,
    remote     boolean NOT NULL,
    local      boolean NOT NULL
);

-- Follow notifications that still exist: a repeated follow by the same account notifies once.
CREATE TABLE follow_notification_lookup (
    recipient_id    varchar(32) NOT NULL,
    actor_id        varchar(32) NOT NULL,
    notification_id bigint NOT NULL,
    PRIMARY KEY (recipient_id, actor_id)
);
CREATE INDEX follow_notification_lookup_id ON follow_notification_lookup (notification_id);
