-- Counters change row by row after insert (favourites, boosts and replies on statuses; follows and
-- posts on accounts). Free room on each page lets PostgreSQL write the new row version beside the
-- old one without touching any index (a HOT update); statuses have eight indexes, two of them GIN.
-- Applies to pages written from now on, so to all of them after a rebuild.
ALTER TABLE status_view SET (fillfactor = 75);
ALTER TABLE account_view SET (fillfactor = 75);
