-- Read model "relationships" (continued): the domains each account blocks.
CREATE TABLE domain_block_view (
    account_id varchar(32) NOT NULL,
    domain     varchar(253) NOT NULL,
    PRIMARY KEY (account_id, domain)
);
