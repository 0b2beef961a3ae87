-- Alerts (saved searches that notify) and their durable outbox. One outbox row per
-- (alert, story): six wire copies of a story make one notification; each article is
-- recorded once per alert (alert_match_articles' key), so it is never delivered twice,
-- across restarts and retries. Times are ISO 8601 UTC text.

CREATE TABLE alerts (
  id                   TEXT PRIMARY KEY,      -- 16 random hex digits (the feed URL's capability)
  name                 TEXT NOT NULL,
  query                TEXT NOT NULL,         -- Marsad's search syntax
  outlet               TEXT,
  entity               TEXT,
  keyword              TEXT,
  webhook_url          TEXT,
  secret               TEXT,                  -- whsec_<base64>
  created_at           TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  paused_at            TEXT,
  paused_reason        TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE alert_matches (
  alert_id     TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  story_id     TEXT NOT NULL,
  state        TEXT NOT NULL,                 -- pending | delivered | feed (no webhook)
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,                 -- last article added
  attempts     INTEGER NOT NULL DEFAULT 0,    -- failed attempts so far
  next_attempt TEXT,
  lease_until  TEXT,                          -- claimed by a deliverer until then
  delivered_at TEXT,
  last_error   TEXT,
  PRIMARY KEY (alert_id, story_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX alert_matches_due ON alert_matches (next_attempt) WHERE state = 'pending';
CREATE INDEX alert_matches_recent ON alert_matches (alert_id, updated_at);

CREATE TABLE alert_match_articles (
  alert_id   TEXT NOT NULL,
  article_id TEXT NOT NULL,
  story_id   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (alert_id, article_id),
  FOREIGN KEY (alert_id, story_id) REFERENCES alert_matches (alert_id, story_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX alert_match_articles_story ON alert_match_articles (alert_id, story_id);

-- The delivery log (every webhook attempt, test deliveries included).
CREATE TABLE alert_attempts (
  id       INTEGER PRIMARY KEY,
  alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  story_id TEXT,
  at       TEXT NOT NULL,
  ok       INTEGER NOT NULL,
  status   INTEGER,
  error    TEXT,
  ms       INTEGER NOT NULL,
  test     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX alert_attempts_alert ON alert_attempts (alert_id, id);
