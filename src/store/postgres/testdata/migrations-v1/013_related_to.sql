-- Articles appended to another on the same page point at it (related_to); the reader
-- shows them first among related articles, both ways round.
CREATE INDEX IF NOT EXISTS articles_related_to ON articles (related_to) WHERE related_to IS NOT NULL;
