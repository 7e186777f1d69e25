-- The command side needs to know whether an account is locked to decide a follow made on its owner's behalf.
ALTER TABLE account_lookup ADD COLUMN locked boolean NOT NULL DEFAULT false;

-- Progress of account list imports: the process reads its next batch from here.
CREATE TABLE import_progress (
    import_id   varchar(32) PRIMARY KEY,
    account_id  varchar(32) NOT NULL,
    kind        varchar(16) NOT NULL,
    list_digest varchar(64) NOT NULL,
    entries     text[] NOT NULL,
    next_index  integer NOT NULL DEFAULT 0,
    completed   boolean NOT NULL DEFAULT false
);
-- One unfinished import of the same list per account: a resubmission joins the running one.
CREATE UNIQUE INDEX import_progress_running ON import_progress (account_id, kind, list_digest) WHERE NOT completed;
