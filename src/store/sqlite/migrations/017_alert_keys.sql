-- Cheaper alert matching (issue 11: ingest with 10,000 alerts within 20% of none): an
-- article's matches write one row per alert into alert_matches, and each secondary index
-- is one more B-tree write per row. alert_matches_recent goes: an alert's entries are read
-- newest first from the primary key's alert_id range and sorted (the feed and admin
-- pages, both cached), which costs less than maintaining the index on every match.
DROP INDEX alert_matches_recent;
