-- Idempotency-Key of status posting: the first status made with a key answers its repeats for six hours.
-- Written in the posting transaction itself; keys are short-lived, so a rebuild has nothing to restore.
CREATE TABLE status_idempotency (
    account_id      varchar(32) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    status_id       varchar(32) NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
