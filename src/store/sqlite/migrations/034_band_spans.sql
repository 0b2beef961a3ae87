-- LSH band postings grouped by a week of time first: (span, band, time, eid), span = floor(time
-- / 7 days) (src/store/story-rows.ts BAND_SPAN_MS). A band key is a random hash, so under
-- (band, time, eid) a batch's 32 inserts an article landed on random leaves of the whole table:
-- past ~85,000 articles every batch of 500 rewrote ~16,000 pages of it (64 MiB a commit) and
-- read most of them from outside the page cache. Under the span first a batch writes into the
-- weeks it covers, whatever the store's size. Band lookups are always within the duplicate
-- window (7 days either side), so a lookup seeks 2–3 spans.
CREATE TABLE story_bands_spans (
  span INTEGER NOT NULL,
  band INTEGER NOT NULL,
  time INTEGER NOT NULL,
  eid  INTEGER NOT NULL,
  PRIMARY KEY (span, band, time, eid)
) STRICT, WITHOUT ROWID;
INSERT INTO story_bands_spans (span, band, time, eid)
  SELECT CASE WHEN time >= 0 THEN time / 604800000 ELSE -((-time - 1) / 604800000) - 1 END, band, time, eid
  FROM story_bands ORDER BY 1, 2, 3, 4;
DROP TABLE story_bands;
ALTER TABLE story_bands_spans RENAME TO story_bands;
