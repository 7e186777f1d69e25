-- Read model "statuses" (continued): the conversations each account muted.
CREATE TABLE muted_thread_view (
    account_id      varchar(32) NOT NULL,
    conversation_id varchar(32) NOT NULL,
    PRIMARY KEY (account_id, conversation_id)
);
