-- Cheaper alert matching (see the SQLite migration of the same number): no
-- alert_matches_recent index; an alert's entries are sorted from its primary-key range.
DROP INDEX alert_matches_recent;
