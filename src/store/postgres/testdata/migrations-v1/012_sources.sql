-- Subscribed sources and their polling state (mirror of the SQLite table).
CREATE TABLE sources (
  id            text COLLATE "C" PRIMARY KEY,
  url           text NOT NULL UNIQUE,
  title         text,
  interval_sec  integer NOT NULL,
  etag          text,
  last_modified text,
  last_fetch    text,
  status        text,
  error_count   integer NOT NULL DEFAULT 0,
  last_error    text,
  next_poll     text COLLATE "C" NOT NULL,
  created_at    text NOT NULL
);
CREATE INDEX sources_next_poll ON sources (next_poll);
