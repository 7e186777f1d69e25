-- When the author pinned the status to their profile (null: not pinned).
ALTER TABLE status_view ADD COLUMN pinned_at timestamptz;
CREATE INDEX status_view_pinned ON status_view (author_id, pinned_at) WHERE pinned_at IS NOT NULL;
