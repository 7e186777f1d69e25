-- Read model "auth" (continued): unused password-reset tokens, by digest.
CREATE TABLE password_reset_token (
    token_digest varchar(64) PRIMARY KEY,
    account_id   varchar(32) NOT NULL
);
