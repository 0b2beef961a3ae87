-- The entity and keyword index: which articles mention which entity (with mentions), the
-- entities' names and types, and mentions per UTC day (kept up to date, never aggregated on
-- read). An article's rows are replaced whenever its enrichment is (re)indexed.

CREATE TABLE entities (
  eid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,      -- stable: country:RU, person:سيرجي_شويجو
  name          TEXT NOT NULL,
  type          TEXT NOT NULL,
  norm          TEXT NOT NULL,             -- normalized name, for lookup by name
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX entities_norm ON entities (norm, article_count DESC);

-- published is the article's publishedAt, '' when unknown (sorts last newest-first).
CREATE TABLE article_entities (
  ent       INTEGER NOT NULL REFERENCES entities (eid),
  published TEXT NOT NULL,
  seq       INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  mentions  INTEGER NOT NULL,
  PRIMARY KEY (ent, published, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_entities_seq ON article_entities (seq);

CREATE TABLE entity_daily (
  ent   INTEGER NOT NULL,
  day   TEXT NOT NULL,                     -- YYYY-MM-DD (UTC)
  count INTEGER NOT NULL,
  PRIMARY KEY (ent, day)
) STRICT, WITHOUT ROWID;

-- Computed keywords, normalized like tags (the keyword filter also reads article_tags).
CREATE TABLE article_keywords (
  kw  TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  PRIMARY KEY (kw, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_keywords_seq ON article_keywords (seq);
