-- Read model "emoji": the instance's custom emoji. Listed in shortcode byte order.
CREATE TABLE emoji_view (
    shortcode varchar(255) COLLATE "C" PRIMARY KEY,
    image_url varchar(2048) NOT NULL,
    tags      text[] NOT NULL
);
