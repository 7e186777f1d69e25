-- Axon's JDBC event store and token store (the schema Axon's PostgreSQL table factories generate).
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL PRIMARY KEY,
    aggregateidentifier varchar(255) NOT NULL,
    sequencenumber      bigint NOT NULL,
    type                varchar(255),
    eventidentifier     varchar(255) NOT NULL UNIQUE,
    metadata            bytea,
    payload             bytea NOT NULL,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) NOT NULL,
    timestamp           varchar(255) NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier varchar(255) NOT NULL,
    sequencenumber      bigint NOT NULL,
    type                varchar(255) NOT NULL,
    eventidentifier     varchar(255) NOT NULL UNIQUE,
    metadata            bytea,
    payload             bytea NOT NULL,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) NOT NULL,
    timestamp           varchar(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber)
);

CREATE TABLE tokenentry (
    processorname varchar(255) NOT NULL,
    segment       integer NOT NULL,
    token         bytea,
    tokentype     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    PRIMARY KEY (processorname, segment)
);

-- Per-account keys protecting personal data inside events. Kept outside the event log so that
-- deleting a row makes that account's personal data unreadable everywhere (crypto-shredding).
CREATE TABLE personal_data_key (
    subject_id varchar(64) PRIMARY KEY,
    key        bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
