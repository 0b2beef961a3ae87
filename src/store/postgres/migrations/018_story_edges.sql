-- Order-independent grouping: the verified article–article edges (see the SQLite migration
-- of the same number). One row per edge, by entry eid, smaller article id first.
CREATE TABLE story_edges (
  a     bigint NOT NULL,
  b     bigint NOT NULL,
  kind  text NOT NULL,
  score double precision NOT NULL,
  PRIMARY KEY (a, b)
);
CREATE INDEX story_edges_b ON story_edges (b, a);
