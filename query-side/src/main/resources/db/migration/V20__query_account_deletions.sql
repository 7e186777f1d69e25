-- Read model "accounts" (continued): the progress of each account deletion.
CREATE TABLE account_deletion_view (
    account_id            varchar(32) PRIMARY KEY,
    nickname              varchar(255) NOT NULL,
    requested_by          varchar(64),
    state                 varchar(16) NOT NULL,
    relationships_severed integer NOT NULL DEFAULT 0,
    statuses_deleted      integer NOT NULL DEFAULT 0,
    statuses_remaining    integer,
    started_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
