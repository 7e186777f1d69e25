-- Pleroma 2.x's notification switches, shown to the owner in verify_credentials.
ALTER TABLE account_view ADD COLUMN notify_block_from_strangers BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account_view ADD COLUMN notify_hide_contents BOOLEAN NOT NULL DEFAULT FALSE;
