-- The full-text index in parts by seq (src/store/sqlite/fts-parts.ts): each part an FTS5
-- table of its own (the first is article_fts), holding the articles from its first_seq to
-- the next part's. FTS5's BM25 counts each query phrase's documents by walking its whole
-- doclist in the table it scores, so a search that scores only the newest part(s) pays for
-- their size, not the store's. A store keeps its one part until it passes
-- FTS_TUNING.part articles; an older store's article_fts stays its first part, whatever
-- its size.
CREATE TABLE fts_parts (
  first_seq INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO fts_parts (first_seq, name) VALUES (0, 'article_fts');

-- The headlines' terms alone, one table for the whole store: an old article found by its
-- headline is looked up here (search-parts.ts), where FTS5's column filter on the parts
-- walks every body occurrence of the query's words too (p50 6.2 / p95 14.9 ms against 0.6
-- / 1.1 at a million articles, the same answers).
CREATE VIRTUAL TABLE article_titles USING fts5 (
  title,
  content = '', contentless_delete = 1, tokenize = 'ascii'
);
INSERT INTO article_titles (rowid, title) SELECT seq, coalesce(title_terms, '') FROM articles;
