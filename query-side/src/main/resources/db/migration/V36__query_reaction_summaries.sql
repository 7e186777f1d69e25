-- Each status's reactions summarised on its row (emoji in order of first use, and their counts),
-- so rendering a page needs no query of its own for them.
ALTER TABLE status_view ADD COLUMN reaction_emojis varchar(64)[] NOT NULL DEFAULT '{}';
ALTER TABLE status_view ADD COLUMN reaction_counts integer[] NOT NULL DEFAULT '{}';

UPDATE status_view s SET reaction_emojis = r.emojis, reaction_counts = r.counts
FROM (SELECT status_id, array_agg(emoji ORDER BY first_use, emoji) AS emojis,
             array_agg(n ORDER BY first_use, emoji) AS counts
      FROM (SELECT status_id, emoji, count(*)::integer AS n, min(reacted_at) AS first_use
            FROM reaction_view GROUP BY status_id, emoji) per_emoji
      GROUP BY status_id) r
WHERE s.status_id = r.status_id;
