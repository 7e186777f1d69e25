-- verify_credentials shows exactly Pleroma's four notification switches (pleroma-api §2.11).
ALTER TABLE account_view DROP COLUMN notify_block_from_strangers, DROP COLUMN notify_hide_contents;
