-- What the account deletion process must find: every account a deleted account has a relationship
-- with (pending follow requests included) and its statuses not yet deleted. Kept by the subscribing
-- group "command-lookups"; filled here from the events recorded before this version.

CREATE INDEX relationship_lookup_target ON relationship_lookup (target_id);

-- A pending follow request leaves a row without flags, so the pair is found.
INSERT INTO relationship_lookup (account_id, target_id)
SELECT DISTINCT p ->> 'followerId', p ->> 'followedId'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry
      WHERE payloadtype = 'social.annals.events.social.FollowRequested') requests
ON CONFLICT (account_id, target_id) DO NOTHING;

CREATE TABLE authored_status_lookup (
    author_id varchar(32) NOT NULL,
    status_id varchar(32) COLLATE "C" NOT NULL,
    PRIMARY KEY (author_id, status_id)
);

INSERT INTO authored_status_lookup (author_id, status_id)
SELECT p ->> 'authorId', p ->> 'statusId'
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry
      WHERE payloadtype = 'social.annals.events.status.StatusPosted') posted
ON CONFLICT DO NOTHING;

DELETE FROM authored_status_lookup l
USING (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'statusId' AS status_id FROM domainevententry
       WHERE payloadtype = 'social.annals.events.status.StatusDeleted') deleted
WHERE l.status_id = deleted.status_id;
