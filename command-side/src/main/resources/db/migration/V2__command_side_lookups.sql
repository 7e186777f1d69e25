-- Command-side set-based validation: nickname and e-mail uniqueness (kept in the registering transaction).
CREATE TABLE account_lookup (
    account_id   varchar(32) PRIMARY KEY,
    nickname_key varchar(255) NOT NULL CONSTRAINT account_lookup_nickname_unique UNIQUE,
    email_digest varchar(64)  NOT NULL CONSTRAINT account_lookup_email_unique UNIQUE
);

-- Server-wide random secrets shared by every node (digest and cookie keys).
CREATE TABLE server_secret (
    name   varchar(64) PRIMARY KEY,
    secret bytea NOT NULL
);
