-- Read model "home-timelines": every account's home timeline, written when statuses arrive
-- (fan-out on write), so reading a page is an index range scan with no sort.
CREATE TABLE home_timeline_entry (
    owner_id     varchar(32) NOT NULL,
    status_id    varchar(32) NOT NULL,
    author_id    varchar(32) NOT NULL,
    is_reblog    boolean NOT NULL DEFAULT false,
    mentions_owner boolean NOT NULL DEFAULT false,
    PRIMARY KEY (owner_id, status_id)
);
CREATE INDEX home_timeline_entry_author ON home_timeline_entry (author_id, owner_id);
CREATE INDEX home_timeline_entry_status ON home_timeline_entry (status_id);

-- The follows as this read model has seen them, in event order, so a rebuild fans out exactly as the
-- live run did (the relationships read model holds only the current state).
CREATE TABLE home_timeline_follow (
    follower_id     varchar(32) NOT NULL,
    followed_id     varchar(32) NOT NULL,
    showing_reblogs boolean NOT NULL DEFAULT true,
    PRIMARY KEY (followed_id, follower_id)
);

-- The statuses this read model has seen, for backfilling a new follow.
CREATE TABLE home_timeline_status (
    status_id  varchar(32) PRIMARY KEY,
    author_id  varchar(32) NOT NULL,
    visibility varchar(16) NOT NULL,
    is_reblog  boolean NOT NULL DEFAULT false,
    deleted    boolean NOT NULL DEFAULT false
);
CREATE INDEX home_timeline_status_author ON home_timeline_status (author_id, status_id) WHERE NOT deleted;
