-- Read model "accounts" (continued): the Mastodon web front-end flavour; null means the default.
ALTER TABLE account_view ADD COLUMN flavour varchar(16);
