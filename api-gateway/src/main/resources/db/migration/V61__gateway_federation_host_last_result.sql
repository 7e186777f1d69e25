-- What the last delivery attempt to each host came to ("202", "timeout", "unreachable", ...), for
-- the admin's view of federation.
ALTER TABLE federation_host ADD COLUMN last_result TEXT;
