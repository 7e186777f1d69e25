-- Every status fans out to thousands of home timeline rows, and each index costs every one of them
-- (a rebuild writes millions). The (author_id, owner_id) index served only unfollows, blocks and
-- hidden boosts, which now scan the one owner's timeline through the primary key instead.
DROP INDEX home_timeline_entry_author;
