-- Ids are compared byte by byte, as in V45 (see there).
ALTER TABLE account_lookup
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE authored_status_lookup
    ALTER COLUMN author_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN conversation_id TYPE varchar(32) COLLATE "C";
ALTER TABLE follow_notification_lookup
    ALTER COLUMN recipient_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN actor_id TYPE varchar(32) COLLATE "C";
ALTER TABLE import_progress
    ALTER COLUMN import_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE muted_thread_lookup
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN conversation_id TYPE varchar(32) COLLATE "C";
ALTER TABLE notification_settings_lookup
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE pinned_status_lookup
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C";
ALTER TABLE relationship_lookup
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN target_id TYPE varchar(32) COLLATE "C";
ALTER TABLE status_idempotency
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C";
