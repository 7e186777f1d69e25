-- Read model "relationships": what each account has towards another (one row per direction).
CREATE TABLE relationship_view (
    account_id           varchar(32) NOT NULL,
    target_id            varchar(32) NOT NULL,
    following            boolean NOT NULL DEFAULT false,
    requested            boolean NOT NULL DEFAULT false,
    showing_reblogs      boolean NOT NULL DEFAULT true,
    blocking             boolean NOT NULL DEFAULT false,
    muting               boolean NOT NULL DEFAULT false,
    muting_notifications boolean NOT NULL DEFAULT false,
    subscribing          boolean NOT NULL DEFAULT false,
    PRIMARY KEY (account_id, target_id)
);
-- Keyset pages of each list, newest account id first, without a sort.
CREATE INDEX relationship_followers ON relationship_view (target_id, account_id) WHERE following;
CREATE INDEX relationship_following ON relationship_view (account_id, target_id) WHERE following;
CREATE INDEX relationship_requests ON relationship_view (target_id, account_id) WHERE requested;
CREATE INDEX relationship_blocks ON relationship_view (account_id, target_id) WHERE blocking;
CREATE INDEX relationship_mutes ON relationship_view (account_id, target_id) WHERE muting;
CREATE INDEX relationship_subscribers ON relationship_view (target_id, account_id) WHERE subscribing;
