-- Order-independent grouping (src/stories/stable.ts): the verified article–article edges
-- (near-duplicate or same story, with their score) are kept, and a story is a pure
-- function of its connected component (src/stories/partition.ts). Each edge is stored once,
-- smaller article id first (`a` < `b` as the ids compare), by entry eid; the second index
-- answers "edges touching x" for either end.
CREATE TABLE story_edges (
  a     INTEGER NOT NULL,        -- story_entries.eid of the smaller article id
  b     INTEGER NOT NULL,        -- story_entries.eid of the larger
  kind  TEXT NOT NULL,           -- dup | story
  score REAL NOT NULL,
  PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_edges_b ON story_edges (b, a);
