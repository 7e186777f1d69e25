-- Which local account id each remote actor is known under; the actor URI is unique, so two
-- concurrent discoveries of one actor cannot both commit.
CREATE TABLE remote_account_lookup (
    account_id TEXT PRIMARY KEY,
    actor_uri  TEXT NOT NULL UNIQUE
);
