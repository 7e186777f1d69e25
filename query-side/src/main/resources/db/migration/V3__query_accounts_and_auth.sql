-- Read model "accounts": the public and owner-visible state of every account.
CREATE TABLE account_view (
    account_id           varchar(32) PRIMARY KEY,
    nickname             varchar(255) NOT NULL,
    nickname_key         varchar(255) NOT NULL,
    display_name         text,
    bio                  text,
    note_html            text,
    locked               boolean NOT NULL DEFAULT false,
    hide_favorites       boolean NOT NULL DEFAULT true,
    is_admin             boolean NOT NULL DEFAULT false,
    is_moderator         boolean NOT NULL DEFAULT false,
    deactivated          boolean NOT NULL DEFAULT false,
    confirmation_pending boolean NOT NULL DEFAULT false,
    default_scope        varchar(16) NOT NULL DEFAULT 'public',
    notify_followers     boolean NOT NULL DEFAULT true,
    notify_follows       boolean NOT NULL DEFAULT true,
    notify_remote        boolean NOT NULL DEFAULT true,
    notify_local         boolean NOT NULL DEFAULT true,
    followers_count      integer NOT NULL DEFAULT 0,
    following_count      integer NOT NULL DEFAULT 0,
    statuses_count       integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL
);
-- Uniqueness is the command side's invariant; read models only index, so they can never refuse an event.
CREATE INDEX account_view_nickname ON account_view (nickname_key);
CREATE INDEX account_view_active ON account_view (account_id) WHERE NOT deactivated;

-- Read model "auth": what authentication needs on the very next request (kept in the command's transaction).
CREATE TABLE auth_credential (
    account_id    varchar(32) PRIMARY KEY,
    nickname      varchar(255) NOT NULL,
    nickname_key  varchar(255) NOT NULL,
    email_digest  varchar(64)  NOT NULL,
    password_hash varchar(255) NOT NULL,
    deactivated   boolean NOT NULL DEFAULT false,
    is_admin      boolean NOT NULL DEFAULT false,
    is_moderator  boolean NOT NULL DEFAULT false
);
CREATE INDEX auth_credential_nickname ON auth_credential (nickname_key);
CREATE INDEX auth_credential_email ON auth_credential (email_digest);

CREATE TABLE oauth_app_view (
    app_id               varchar(32) PRIMARY KEY,
    client_id            varchar(64) NOT NULL UNIQUE,
    client_secret_digest varchar(64) NOT NULL,
    name                 text NOT NULL,
    redirect_uris        text NOT NULL,
    scopes               text[] NOT NULL,
    website              text,
    created_at           timestamptz NOT NULL
);

CREATE TABLE oauth_token_view (
    token_id       varchar(32) PRIMARY KEY,
    app_id         varchar(32) NOT NULL,
    account_id     varchar(32),
    access_digest  varchar(64) NOT NULL UNIQUE,
    refresh_digest varchar(64) NOT NULL UNIQUE,
    scopes         text[] NOT NULL,
    grant_type     varchar(32) NOT NULL,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX oauth_token_view_account ON oauth_token_view (account_id);
