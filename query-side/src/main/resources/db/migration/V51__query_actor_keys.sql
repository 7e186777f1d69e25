-- Read model "actor-keys": the signing key pair of each local account (federation).
CREATE TABLE actor_key_view (
    account_id      TEXT PRIMARY KEY,
    public_key_pem  TEXT NOT NULL,
    private_key_pem TEXT
);
