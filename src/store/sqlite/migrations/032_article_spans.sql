-- Each article body's term spans (src/search/spans.ts: offsets and a 16-bit hash per term,
-- about 4 bytes a term), written with its index entry, so a search snippet reads positions
-- instead of analyzing the text. Apart from `articles` so that nothing else reads them. A
-- database from before this migration has its spans filled when the store opens
-- (SqliteStore.fillSpans); an article without spans gets its snippet by analysis.
-- No foreign key: checking one made the store's upsert 23 % slower (615 → 756 µs CPU an
-- article, 2,045 corpus articles), against 4 % (444 → 462 µs) without; every insert or
-- re-index of an article writes its row, and a blob made for another text length is
-- ignored when read.
CREATE TABLE article_spans (
  seq   INTEGER PRIMARY KEY,
  spans BLOB NOT NULL
) STRICT;
