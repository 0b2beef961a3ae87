-- Story-collapsed search (src/store/query.ts) reads the story of every match: a covering
-- index by seq, so that lookup never reads the article row (whose body comes first and
-- spills to overflow pages). SQLite only: PostgreSQL reads the row's story_id beside the
-- tsvector it scores anyway.
CREATE INDEX articles_seq_story ON articles (seq, story_id);
