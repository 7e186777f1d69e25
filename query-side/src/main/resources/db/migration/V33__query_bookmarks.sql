-- Bookmarks (read model "statuses"): each account's private list, paged by status id like favourites.
CREATE TABLE bookmark_view (
    account_id    varchar(32) NOT NULL,
    status_id     varchar(32) NOT NULL,
    bookmarked_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
