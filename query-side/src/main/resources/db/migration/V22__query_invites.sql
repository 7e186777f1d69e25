-- Read model "invites": registration invites (tokens are derived, only their digests are kept).
CREATE TABLE invite_view (
    invite_id    bigint PRIMARY KEY,
    token_digest varchar(64) NOT NULL UNIQUE,
    used         boolean NOT NULL DEFAULT false,
    uses         integer NOT NULL DEFAULT 0,
    max_use      integer,
    expires_on   date,
    invite_type  varchar(32) NOT NULL
);
