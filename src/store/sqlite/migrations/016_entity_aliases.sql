-- Other spellings of an entity seen in articles (`شويجو` beside `سيرجي شويغو`) and the lookup
-- keys enrichment derives from them (`~` + key, alias ''): an entity is found by any of them.
-- Kept once seen (an alias is a fact about the name, not about one article); shown in rowid
-- order (first seen first).
CREATE TABLE entity_aliases (
  ent   INTEGER NOT NULL REFERENCES entities (eid),
  norm  TEXT NOT NULL,
  alias TEXT NOT NULL,
  UNIQUE (ent, norm)
) STRICT;
CREATE INDEX entity_aliases_norm ON entity_aliases (norm);
