-- Pleroma's notification settings are exactly four switches (pleroma-api §2.11); the 2.x one goes.
ALTER TABLE notification_settings_lookup DROP COLUMN block_from_strangers;
