-- Search re-ranks its best 100 matches by their headlines (src/search/rank.ts): a covering
-- index by seq with what the re-ranker reads, so those lookups never read the article row
-- (whose body comes first and spills to overflow pages: reading title_terms and
-- title_norms behind it cost as much as the FTS query itself). SQLite only, as 030:
-- PostgreSQL keeps a long body out of line (TOAST), so the row it reads stays small.
CREATE INDEX articles_seq_rank ON articles (seq, published_at, title_terms, title_norms);
