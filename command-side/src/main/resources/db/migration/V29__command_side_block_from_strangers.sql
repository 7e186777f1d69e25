-- Pleroma 2.x's switch: drop notifications from accounts the recipient does not follow.
ALTER TABLE notification_settings_lookup ADD COLUMN block_from_strangers BOOLEAN NOT NULL DEFAULT FALSE;
