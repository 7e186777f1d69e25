-- Read model "accounts": accounts of other servers (federation) live beside local ones. A local
-- account has no actor URI; a remote one has its own profile URL and images.
ALTER TABLE account_view ADD COLUMN actor_uri TEXT;
ALTER TABLE account_view ADD COLUMN profile_url TEXT;
ALTER TABLE account_view ADD COLUMN avatar_url TEXT;
ALTER TABLE account_view ADD COLUMN header_url TEXT;

-- Read model "remote-actors": where remote accounts receive activities and the key they sign with.
CREATE TABLE remote_actor_view (
    account_id     TEXT PRIMARY KEY,
    actor_uri      TEXT NOT NULL UNIQUE,
    host           TEXT NOT NULL,
    key_id         TEXT NOT NULL,
    public_key_pem TEXT NOT NULL,
    inbox          TEXT NOT NULL,
    shared_inbox   TEXT,
    followers_uri  TEXT
);
CREATE INDEX remote_actor_view_key ON remote_actor_view (key_id);
CREATE INDEX remote_actor_view_host ON remote_actor_view (host);
