-- Read model "statuses": statuses and boosts (a boost is a row whose reblog_of_id names the boosted status).
CREATE TABLE status_view (
    status_id              varchar(32) PRIMARY KEY,
    author_id              varchar(32) NOT NULL,
    reblog_of_id           varchar(32),
    text                   text,
    content_html           text,
    spoiler_text           text,
    visibility             varchar(16) NOT NULL,
    sensitive              boolean NOT NULL DEFAULT false,
    in_reply_to_id         varchar(32),
    in_reply_to_account_id varchar(32),
    conversation_id        varchar(32),
    mentioned_ids          text[] NOT NULL DEFAULT '{}',
    tags                   text[] NOT NULL DEFAULT '{}',
    application_name       text,
    favourites_count       integer NOT NULL DEFAULT 0,
    reblogs_count          integer NOT NULL DEFAULT 0,
    replies_count          integer NOT NULL DEFAULT 0,
    deleted                boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL
);
CREATE INDEX status_view_author ON status_view (author_id, status_id) WHERE NOT deleted;
CREATE INDEX status_view_public ON status_view (status_id) WHERE NOT deleted AND visibility = 'PUBLIC';
CREATE INDEX status_view_reblogs ON status_view (reblog_of_id) WHERE reblog_of_id IS NOT NULL;
CREATE INDEX status_view_mentions ON status_view USING gin (mentioned_ids);

-- Read model "statuses" too: who favourited what, listed by the favourited status' id.
CREATE TABLE favourite_view (
    account_id    varchar(32) NOT NULL,
    status_id     varchar(32) NOT NULL,
    favourited_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
CREATE INDEX favourite_view_status ON favourite_view (status_id, account_id);
