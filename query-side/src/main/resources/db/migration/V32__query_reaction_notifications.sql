-- Reaction notifications: their type name ("pleroma:emoji_reaction") is longer than the others,
-- and they carry the emoji (null for every other type).
ALTER TABLE notification_view ALTER COLUMN type TYPE varchar(32);
ALTER TABLE notification_view ADD COLUMN emoji varchar(64);
