-- Rate-limit buckets (Bucket4j's state), shared by every node so a limit holds across the cluster.
-- One row per limit and client address; rows past expires_at (epoch ms) are removed periodically.
CREATE TABLE rate_limit_bucket (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
