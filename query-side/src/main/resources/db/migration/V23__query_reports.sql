-- Read model "reports": reports to the moderators, newest first by id.
CREATE TABLE report_view (
    report_id   varchar(32) COLLATE "C" PRIMARY KEY,
    reporter_id varchar(32) NOT NULL,
    account_id  varchar(32) NOT NULL,
    status_ids  text[] NOT NULL,
    comment     text,
    state       varchar(16) NOT NULL,
    created_at  timestamptz NOT NULL
);
