-- Read model "imports": account list import jobs and the result of every entry.
CREATE TABLE import_view (
    import_id    varchar(32) PRIMARY KEY,
    account_id   varchar(32) NOT NULL,
    kind         varchar(16) NOT NULL,
    total        integer NOT NULL,
    processed    integer NOT NULL DEFAULT 0,
    completed    boolean NOT NULL DEFAULT false,
    started_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX import_view_account ON import_view (account_id, import_id);

CREATE TABLE import_entry_view (
    import_id varchar(32) NOT NULL,
    position  integer NOT NULL,
    entry     text NOT NULL,
    result    varchar(16),
    PRIMARY KEY (import_id, position)
);
