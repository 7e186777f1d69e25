-- Threads: a status' context is read by its conversation.
CREATE INDEX status_view_conversation ON status_view (conversation_id, status_id) WHERE reblog_of_id IS NULL;
