-- Which status id each remote status URI is known under; the URI is unique, so one status
-- delivered twice at once cannot be recorded twice.
CREATE TABLE remote_status_lookup (
    status_id TEXT PRIMARY KEY,
    uri       TEXT NOT NULL UNIQUE
);
