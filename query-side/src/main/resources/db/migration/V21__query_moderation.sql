-- Read model "accounts" (continued): moderation tags.
ALTER TABLE account_view ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
CREATE INDEX account_view_tags ON account_view USING gin (tags);

-- Read model "moderation-log": one entry per moderation event, newest first by (logged_at, seq).
CREATE TABLE moderation_log_view (
    seq         bigserial PRIMARY KEY,
    event_id    varchar(64) NOT NULL UNIQUE,
    logged_at   timestamptz NOT NULL,
    action      varchar(32) NOT NULL,
    actor_id    varchar(32),
    subject_ids text[] NOT NULL DEFAULT '{}',
    data        json NOT NULL
);
CREATE INDEX moderation_log_view_time ON moderation_log_view (logged_at DESC, seq DESC);
CREATE INDEX moderation_log_view_subjects ON moderation_log_view USING gin (subject_ids);

-- Nicknames by id, so entries can name accounts that events give only by id.
CREATE TABLE moderation_account_name (
    account_id varchar(32) PRIMARY KEY,
    nickname   varchar(255) NOT NULL
);
CREATE INDEX moderation_account_name_nickname ON moderation_account_name (nickname);
