-- The headline's normalized, unstemmed words, beside its stems (re-ranking): the same
-- number as SQLite's 002_title_norms. PostgreSQL's 001 has had the column from the start,
-- so this only adds it where it is missing (numbers mean the same thing in both folders).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS title_norms text NOT NULL DEFAULT '';
