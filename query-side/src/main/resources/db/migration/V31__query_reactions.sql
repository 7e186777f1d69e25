-- Emoji reactions to statuses (read model "statuses"): who reacted with what, and when first.
CREATE TABLE reaction_view (
    status_id  varchar(32)  NOT NULL,
    emoji      varchar(64)  NOT NULL,
    account_id varchar(32)  NOT NULL,
    reacted_at timestamptz  NOT NULL,
    PRIMARY KEY (status_id, emoji, account_id)
);
