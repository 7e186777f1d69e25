-- A node about to rebuild read models asks the others, through this table, to let go of those
-- read models' segments and not claim them again until `until`; every node looks every second.
CREATE TABLE read_model_segment_release (
    processor_name text PRIMARY KEY,
    requested_by   text        NOT NULL,
    until          timestamptz NOT NULL
);
