-- What the notification policy must know about muted threads (subscribing group "command-lookups"):
-- who muted which conversation, and each live status's conversation.
CREATE TABLE muted_thread_lookup (
    account_id      varchar(32) NOT NULL,
    conversation_id varchar(32) NOT NULL,
    PRIMARY KEY (account_id, conversation_id)
);

ALTER TABLE authored_status_lookup ADD COLUMN conversation_id varchar(32);
CREATE UNIQUE INDEX authored_status_lookup_status ON authored_status_lookup (status_id);

UPDATE authored_status_lookup l SET conversation_id = posted.conversation_id
FROM (SELECT p ->> 'statusId' AS status_id, p ->> 'conversationId' AS conversation_id
      FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry
            WHERE payloadtype = 'social.annals.events.status.StatusPosted') events) posted
WHERE l.status_id = posted.status_id;
