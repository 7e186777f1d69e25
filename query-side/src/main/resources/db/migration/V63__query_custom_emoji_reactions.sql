-- Reactions with other servers' custom emoji (read model "statuses", and the reaction
-- notifications): named shortcode@host, longer than a Unicode emoji, with their image's URL.
ALTER TABLE reaction_view ALTER COLUMN emoji TYPE varchar(200);
ALTER TABLE reaction_view ADD COLUMN emoji_url TEXT;
ALTER TABLE status_view ALTER COLUMN reaction_emojis TYPE varchar(200)[];
ALTER TABLE status_view ADD COLUMN reaction_urls TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE notification_view ALTER COLUMN emoji TYPE varchar(200);
