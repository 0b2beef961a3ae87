-- Duplicate detection and stories (src/stories' StoryIndex and RelatedSource on disk).
-- Every lookup the grouping makes per article is an index range: exact key, LSH band key
-- (+ time window), candidate key (+ time window, newest first), term document frequency.
-- Entries are never scanned; counters are kept, never counted.

-- One entry per grouped article (what `entryOf` computes, so it is never recomputed).
CREATE TABLE story_entries (
  eid          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,       -- the article id
  time         INTEGER NOT NULL,           -- epoch ms (publishedAt, else arrival)
  outlet       TEXT,
  title        TEXT NOT NULL,
  exact        TEXT,                       -- exact-duplicate key of the body
  shingles     BLOB NOT NULL,              -- sorted unique uint32 shingle hashes (little-endian)
  terms        TEXT NOT NULL,              -- unique analyzed body terms, space-separated
  title_terms  TEXT NOT NULL,
  lede_terms   TEXT NOT NULL,
  entities     TEXT NOT NULL,              -- entity ids, space-separated
  story_id     TEXT NOT NULL,
  duplicate_of TEXT                        -- article id of the group's earliest copy
) STRICT;
CREATE INDEX story_entries_exact ON story_entries (exact) WHERE exact IS NOT NULL;
CREATE INDEX story_entries_story ON story_entries (story_id, time, id);
CREATE INDEX story_entries_dup ON story_entries (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- LSH band keys: `<band>:<hex>` packed into one integer (band × 2^32 + hash).
CREATE TABLE story_bands (
  band INTEGER NOT NULL,
  time INTEGER NOT NULL,
  eid  INTEGER NOT NULL,
  PRIMARY KEY (band, time, eid)
) STRICT, WITHOUT ROWID;

-- Candidate keys (`t:<term>`, `e:<entity id>`) are interned once; postings are read
-- newest first within a time window.
CREATE TABLE story_keydict (
  kid INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE story_keys (
  kid  INTEGER NOT NULL,
  time INTEGER NOT NULL,
  eid  INTEGER NOT NULL,
  PRIMARY KEY (kid, time, eid)
) STRICT, WITHOUT ROWID;

-- Document frequency of analyzed body terms (IDF of the grouping and of related articles).
CREATE TABLE story_df (
  term TEXT PRIMARY KEY,
  df   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Counters kept instead of count(*) (which scans): `entries`.
CREATE TABLE story_counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO story_counters (name, value) VALUES ('entries', 0);

-- Stories. The article list is the entries with this story_id (in time order); outlets are
-- derived from them on every write, so the two never disagree.
CREATE TABLE stories (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  first_seen      TEXT NOT NULL,            -- ISO, earliest article
  last_seen       TEXT NOT NULL,            -- ISO, latest article
  original_id     TEXT NOT NULL,
  original_outlet TEXT,
  outlets         TEXT NOT NULL,            -- JSON array, in order of first publication
  article_count   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX stories_first_seen ON stories (first_seen DESC, id DESC);

CREATE TABLE story_outlets (
  outlet     TEXT NOT NULL,
  first_seen TEXT NOT NULL,                 -- the story's, for newest-first listing per outlet
  story_id   TEXT NOT NULL,
  PRIMARY KEY (outlet, first_seen, story_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_outlets_story ON story_outlets (story_id);

-- Articles stored but not yet grouped: the pipeline resumes from here after a crash.
CREATE INDEX articles_ungrouped ON articles (seq) WHERE story_id IS NULL;
