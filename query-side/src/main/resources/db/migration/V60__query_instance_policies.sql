-- Read model "instance-policies": what an admin imposes on each host (a name, *.domain or
-- host:port), and every activity a policy stopped, newest first.
CREATE TABLE instance_policy_view (
    host       TEXT PRIMARY KEY,
    policies   TEXT NOT NULL,
    reason     TEXT,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE rejected_activity_view (
    inbound_id   TEXT PRIMARY KEY,
    activity_uri TEXT NOT NULL,
    type         TEXT NOT NULL,
    actor_uri    TEXT NOT NULL,
    host         TEXT NOT NULL,
    object_uri   TEXT,
    policy       TEXT NOT NULL,
    rejected_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rejected_activity_view_time ON rejected_activity_view (rejected_at DESC, inbound_id);
CREATE INDEX rejected_activity_view_host ON rejected_activity_view (host, rejected_at DESC, inbound_id);
