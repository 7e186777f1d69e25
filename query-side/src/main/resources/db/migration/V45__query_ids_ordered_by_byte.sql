-- Ids are compared byte by byte: flake ids are base62 text whose characters sort in creation order only
-- as code points ('Z' before 'a'). A database created with a language's collation (en_US.UTF-8 is the
-- default of the official PostgreSQL image) would otherwise order timelines and pages wrongly, and
-- every index on an id would compare through the locale, which costs every insert of a rebuild.
ALTER TABLE account_deletion_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE account_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE auth_credential
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE bookmark_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C";
ALTER TABLE domain_block_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE favourite_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C";
ALTER TABLE home_timeline_entry
    ALTER COLUMN owner_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN author_id TYPE varchar(32) COLLATE "C";
ALTER TABLE home_timeline_follow
    ALTER COLUMN follower_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN followed_id TYPE varchar(32) COLLATE "C";
ALTER TABLE home_timeline_status
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN author_id TYPE varchar(32) COLLATE "C";
ALTER TABLE import_entry_view
    ALTER COLUMN import_id TYPE varchar(32) COLLATE "C";
ALTER TABLE import_view
    ALTER COLUMN import_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE media_view
    ALTER COLUMN media_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN owner_id TYPE varchar(32) COLLATE "C";
ALTER TABLE moderation_account_name
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE moderation_log_view
    ALTER COLUMN event_id TYPE varchar(64) COLLATE "C",
    ALTER COLUMN actor_id TYPE varchar(32) COLLATE "C";
ALTER TABLE muted_thread_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN conversation_id TYPE varchar(32) COLLATE "C";
ALTER TABLE notification_deleted_status
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C";
ALTER TABLE notification_marker
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE notification_seen
    ALTER COLUMN recipient_id TYPE varchar(32) COLLATE "C";
ALTER TABLE notification_view
    ALTER COLUMN recipient_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN actor_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C";
ALTER TABLE oauth_app_view
    ALTER COLUMN app_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN client_id TYPE varchar(64) COLLATE "C";
ALTER TABLE oauth_code_view
    ALTER COLUMN code_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN app_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE oauth_token_view
    ALTER COLUMN token_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN app_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE password_reset_token
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE reaction_view
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE relationship_view
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN target_id TYPE varchar(32) COLLATE "C";
ALTER TABLE report_view
    ALTER COLUMN reporter_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN account_id TYPE varchar(32) COLLATE "C";
ALTER TABLE status_view
    ALTER COLUMN status_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN author_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN reblog_of_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN in_reply_to_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN in_reply_to_account_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN conversation_id TYPE varchar(32) COLLATE "C";
