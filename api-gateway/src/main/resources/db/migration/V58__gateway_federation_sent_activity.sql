-- The Like or EmojiReact the federation policy sent for each favourite or reaction of a remote
-- status, so that its Undo names the same activity (Pleroma finds what an Undo undoes by its id).
-- object_key is the status id, followed by the emoji for a reaction. Kept in the policy's transactions.
CREATE TABLE federation_sent_activity (
    kind         TEXT NOT NULL,
    account_id   TEXT NOT NULL,
    object_key   TEXT NOT NULL,
    activity_uri TEXT NOT NULL,
    PRIMARY KEY (kind, account_id, object_key)
);
