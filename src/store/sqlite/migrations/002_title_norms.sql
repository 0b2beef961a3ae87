-- The headline's normalized, unstemmed words, beside its stems: re-ranking rewards a
-- query word found in the headline exactly as typed (after normalization). Forgetting
-- the recorded analyzer makes the next open rebuild the index, which fills the column.
ALTER TABLE articles ADD COLUMN title_norms TEXT NOT NULL DEFAULT '';
DELETE FROM meta WHERE key = 'analyzer';
