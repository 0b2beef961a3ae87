-- Each article body's term spans (src/search/spans.ts: offsets and a 16-bit hash per term,
-- about 4 bytes a term), written with its index entry, so a search snippet reads positions
-- instead of analyzing the text. Apart from `articles` so that nothing else reads them. A
-- database from before this migration has its spans filled when the store opens
-- (SqliteStore.fillSpans); an article without spans gets its snippet by analysis.
CREATE TABLE article_spans (
  seq   INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  spans BLOB NOT NULL
) STRICT;
