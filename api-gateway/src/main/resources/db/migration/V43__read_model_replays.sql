-- The replays of the command side's read models into copies of their tables (ReadModelRebuilder),
-- kept here rather than in the replaying node's memory so that every node reports them and no two
-- nodes replay the same read model at once. A row exists while its replay runs; its position moves
-- with each batch, in the batch's transaction.
CREATE TABLE read_model_replay (
    processor_name varchar(255) PRIMARY KEY,
    position       bigint NOT NULL,
    reset_position bigint NOT NULL,
    updated_at     timestamptz NOT NULL
);
