-- Hashtag timelines and "who boosted this".
CREATE INDEX status_view_tags ON status_view USING gin (tags) WHERE NOT deleted;
CREATE INDEX status_view_boosters ON status_view (reblog_of_id, author_id) WHERE reblog_of_id IS NOT NULL AND NOT deleted;
