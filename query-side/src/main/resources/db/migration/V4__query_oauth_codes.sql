-- Authorization codes of the OAuth authorization-code flow (read model "auth").
CREATE TABLE oauth_code_view (
    code_id      varchar(32) PRIMARY KEY,
    code_digest  varchar(64) NOT NULL,
    app_id       varchar(32) NOT NULL,
    account_id   varchar(32) NOT NULL,
    scopes       text[] NOT NULL,
    redirect_uri text NOT NULL,
    expires_at   timestamptz NOT NULL,
    redeemed     boolean NOT NULL DEFAULT false
);
CREATE INDEX oauth_code_view_digest ON oauth_code_view (code_digest);
