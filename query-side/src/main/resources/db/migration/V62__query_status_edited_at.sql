-- Read model "statuses": when a status of another server was last edited by its author.
ALTER TABLE status_view ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
