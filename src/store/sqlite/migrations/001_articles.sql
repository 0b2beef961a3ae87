-- Articles, their source tags, and the full-text index over analyzed terms.
-- Later migrations add stories, entities and sources; computed fields that are still
-- per-article (entities, keywords) are JSON columns until they get their own tables.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  seq           INTEGER PRIMARY KEY,        -- internal; the FTS rowid
  id            TEXT NOT NULL UNIQUE,       -- the public, stable id
  url           TEXT,
  canonical_url TEXT UNIQUE,
  content_hash  TEXT NOT NULL,              -- exact title+text: re-index when it changes
  source_hash   TEXT NOT NULL,              -- every source field: detects a changed article
  title         TEXT NOT NULL,
  text          TEXT NOT NULL,
  published_at  TEXT,                       -- ISO 8601 UTC
  outlet        TEXT,
  via           TEXT,
  author        TEXT,
  lang          TEXT NOT NULL,
  tags          TEXT NOT NULL,              -- JSON array, as the source gave them
  read_also     TEXT NOT NULL,              -- JSON array of {title, url}
  related_to    TEXT,
  entities      TEXT,                       -- JSON, computed (enrich/)
  keywords      TEXT,                       -- JSON, computed (enrich/)
  story_id      TEXT,                       -- computed (stories/)
  duplicate_of  TEXT,                       -- computed (stories/)
  title_terms   TEXT NOT NULL,              -- the analyzed headline, for re-ranking
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX articles_published ON articles (published_at DESC, id DESC);
CREATE INDEX articles_outlet ON articles (outlet, published_at DESC);
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;

-- Normalized tags, for the tag filter.
CREATE TABLE article_tags (
  tag TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  PRIMARY KEY (tag, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_tags_seq ON article_tags (seq);

-- Pre-analyzed terms (normalized, stopwords dropped, stemmed), space-separated: the
-- `ascii` tokenizer only splits them, it never sees raw Arabic. Contentless: the text
-- lives in `articles`; contentless_delete lets a changed article be re-indexed.
CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, text,
  content = '', contentless_delete = 1, tokenize = 'ascii'
);
