-- Read model "statuses" (continued): the custom emoji a status used, as parallel arrays.
ALTER TABLE status_view ADD COLUMN emoji_shortcodes text[] NOT NULL DEFAULT '{}';
ALTER TABLE status_view ADD COLUMN emoji_urls text[] NOT NULL DEFAULT '{}';
