-- (PostgreSQL) What each person follows, read state per story, and starred articles (src/model/accounts.ts).

CREATE TABLE follows (
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       text NOT NULL,                  -- outlet | source | entity | keyword | alert
  target     text COLLATE "C" NOT NULL,      -- what was chosen (outlet name, source id, entity id, keyword, alert id)
  label      text NOT NULL,
  match      text COLLATE "C" NOT NULL,      -- what articles are matched on
  created_at text NOT NULL,
  PRIMARY KEY (user_id, kind, target)
);

-- One row per person and story read; seen = the story's article count when last read.
CREATE TABLE story_reads (
  user_id  text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  story_id text COLLATE "C" NOT NULL,
  read_at  text NOT NULL,
  seen     integer NOT NULL,
  PRIMARY KEY (user_id, story_id)
);

CREATE TABLE starred (
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  article_id text COLLATE "C" NOT NULL,
  starred_at text NOT NULL,
  PRIMARY KEY (user_id, article_id)
);
CREATE INDEX starred_recent ON starred (user_id, starred_at DESC);
