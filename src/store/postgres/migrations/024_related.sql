-- Related articles (اقرأ أيضاً) kept per article (src/stories/relate.ts): computed when the
-- article is grouped, and entered by later articles that score above its floor. A page view
-- reads one row. Keyed by the story entry (story_entries.eid). Written inside the grouping
-- transaction, so under its lock (marsad.ts) like the other story tables.
--   floor: the score a newcomer must beat (the last item's when the list is full, else 0);
--          −1 marks a list not computed yet (entries grouped before this table existed:
--          the pipeline's backfill computes them, oldest first).
--   list:  JSON [[article id, score, group], …], best first.
CREATE TABLE story_related (
  eid   bigint PRIMARY KEY REFERENCES story_entries (eid),
  floor double precision NOT NULL,
  list  text NOT NULL
);
INSERT INTO story_related (eid, floor, list) SELECT eid, -1, '[]' FROM story_entries;
CREATE INDEX story_related_pending ON story_related (eid) WHERE floor < 0;
