-- Read model "notifications": whether a notification is seen is no longer kept on its row. It is
-- seen once its recipient's read marker has passed it (notification_marker), or when it was marked
-- on its own ("notifications-seen"). Moving a marker used to rewrite every row it passed, each row
-- written anew into every index; now it writes one row. And every notification is looked up with
-- its recipient, so recipient and id make the primary key: two indexes fewer for each of the
-- millions of rows a rebuild writes.
ALTER TABLE notification_view DROP CONSTRAINT notification_view_pkey;
DROP INDEX notification_view_unseen;
DROP INDEX notification_view_recipient;
ALTER TABLE notification_view DROP COLUMN seen;
ALTER TABLE notification_view ADD PRIMARY KEY (recipient_id, notification_id);
