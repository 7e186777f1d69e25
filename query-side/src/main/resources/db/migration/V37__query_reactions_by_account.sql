-- The viewer's own reactions to a page of statuses (rendering), without reading every reaction of each.
CREATE INDEX reaction_view_account ON reaction_view (account_id, status_id);
