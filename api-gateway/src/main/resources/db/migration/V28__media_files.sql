-- The media store: uploaded files' bytes, outside the event log (events record what they are).
CREATE TABLE media_file (
    media_id  varchar(32) PRIMARY KEY,
    owner_id  varchar(32) NOT NULL,
    mime_type varchar(255) NOT NULL,
    content   bytea NOT NULL
);
CREATE INDEX media_file_owner ON media_file (owner_id);
