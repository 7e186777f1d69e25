-- Which statuses each account pinned (subscribing group "command-lookups"), for the per-account limit.
CREATE TABLE pinned_status_lookup (
    account_id varchar(32) NOT NULL,
    status_id  varchar(32) NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
CREATE UNIQUE INDEX pinned_status_lookup_status ON pinned_status_lookup (status_id);
