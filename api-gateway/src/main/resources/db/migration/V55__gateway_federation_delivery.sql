-- Whether other servers answer (federation reachability, shared by every node).
CREATE TABLE federation_host (
    host                 TEXT PRIMARY KEY,
    failing_since        TIMESTAMP WITH TIME ZONE,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_failure_at      TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT NOT NULL DEFAULT 0
);

-- The federation policy's memory of follows across servers: the Follow we sent for each follow of
-- a remote account (an Undo repeats it), and the Follow a remote account sent us (an Accept or a
-- Reject names it). Kept in the policy's transactions; policies are never replayed.
CREATE TABLE federation_follow (
    follower_id  TEXT NOT NULL,
    followed_id  TEXT NOT NULL,
    activity_uri TEXT NOT NULL,
    PRIMARY KEY (follower_id, followed_id)
);
