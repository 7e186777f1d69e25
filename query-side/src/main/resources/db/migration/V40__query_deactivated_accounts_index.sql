-- Listings leave out what deactivated accounts did. Without an index of just those accounts, the
-- planner answered "is this actor deactivated?" by reading every account once per page (4-7 ms
-- of a 5 ms notification page when none is deactivated); this index is empty in the usual case.
CREATE INDEX account_view_deactivated ON account_view (account_id) WHERE deactivated;
