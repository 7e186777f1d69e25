-- Read model "statuses": statuses of other servers beside local ones. A local status has no uri;
-- a remote one has its ActivityPub id, its page and its attachments as links (parallel arrays).
ALTER TABLE status_view ADD COLUMN uri TEXT;
ALTER TABLE status_view ADD COLUMN url TEXT;
ALTER TABLE status_view ADD COLUMN remote_attachment_urls TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE status_view ADD COLUMN remote_attachment_types TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE status_view ADD COLUMN remote_attachment_descriptions TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX status_view_uri ON status_view (uri) WHERE uri IS NOT NULL;
