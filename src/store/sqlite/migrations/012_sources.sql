-- Subscribed sources and their polling state (the scheduler's state is database state):
-- conditional-GET validators, error count, last outcome and the next poll time.

CREATE TABLE sources (
  id            TEXT PRIMARY KEY,          -- 16 hex digits of SHA-256 over the canonical URL
  url           TEXT NOT NULL UNIQUE,
  title         TEXT,
  interval_sec  INTEGER NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  last_fetch    TEXT,
  status        TEXT,                      -- ok | not_modified | error, NULL before the first poll
  error_count   INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  next_poll     TEXT NOT NULL,             -- ISO; a new source is due at once
  created_at    TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sources_next_poll ON sources (next_poll);
