-- Related articles (اقرأ أيضاً) kept per article (src/stories/relate.ts): computed when the
-- article is grouped, and entered by later articles that score above its floor. A page view
-- reads one row. Keyed by the story entry (story_entries.eid).
--   floor: the score a newcomer must beat (the last item's when the list is full, else 0);
--          −1 marks a list not computed yet (entries grouped before this table existed:
--          the pipeline's backfill computes them, oldest first).
--   list:  JSON [[article id, score, group], …], best first.
CREATE TABLE story_related (
  eid   INTEGER PRIMARY KEY REFERENCES story_entries (eid),
  floor REAL NOT NULL,
  list  TEXT NOT NULL
) STRICT;
INSERT INTO story_related (eid, floor, list) SELECT eid, -1, '[]' FROM story_entries;
CREATE INDEX story_related_pending ON story_related (eid) WHERE floor < 0;
-- Related candidates read their story and copy group by article id for hundreds of ids per
-- arrival: covered by this index instead of the wide entry row (its fingerprint blob
-- pushes those last columns onto overflow pages).
CREATE INDEX story_entries_head ON story_entries (id, story_id, duplicate_of);
