-- What each person follows, read state per story, and starred articles (src/model/accounts.ts).

CREATE TABLE follows (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,                  -- outlet | source | entity | keyword | alert
  target     TEXT NOT NULL,                  -- what was chosen (outlet name, source id, entity id, keyword, alert id)
  label      TEXT NOT NULL,
  match      TEXT NOT NULL,                  -- what articles are matched on
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind, target)
) STRICT, WITHOUT ROWID;

-- One row per person and story read; seen = the story's article count when last read.
CREATE TABLE story_reads (
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  read_at  TEXT NOT NULL,
  seen     INTEGER NOT NULL,
  PRIMARY KEY (user_id, story_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE starred (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  starred_at TEXT NOT NULL,
  PRIMARY KEY (user_id, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX starred_recent ON starred (user_id, starred_at DESC);
