-- Read model "statuses" (continued): uploaded media, and the attachments of each status in order.
CREATE TABLE media_view (
    media_id    varchar(32) PRIMARY KEY,
    owner_id    varchar(32) NOT NULL,
    mime_type   varchar(255) NOT NULL,
    description text,
    uploaded_at timestamptz NOT NULL
);
ALTER TABLE status_view ADD COLUMN media_ids text[] NOT NULL DEFAULT '{}';
