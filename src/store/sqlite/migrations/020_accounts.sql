-- Accounts (src/accounts): users with roles and argon2id password hashes, sessions and API
-- keys stored as SHA-256 of their tokens (never the tokens), instance settings, and the
-- login limiter's failure counters (fixed windows per account and per address).

CREATE TABLE users (
  id            TEXT PRIMARY KEY,            -- 16 random hex digits
  name          TEXT NOT NULL,
  name_key      TEXT NOT NULL UNIQUE,        -- NFKC lower case: one account per name whatever its case
  role          TEXT NOT NULL,               -- admin | reader
  password_hash TEXT NOT NULL,               -- argon2id PHC string
  follows_all   INTEGER NOT NULL DEFAULT 1,  -- 1 until the person chooses what to follow
  feed_token    TEXT NOT NULL UNIQUE,        -- capability of the private feeds
  created_at    TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,               -- SHA-256 hex of the cookie's token
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  user_agent TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_keys (
  id         TEXT PRIMARY KEY,               -- 8 random hex digits (shown in lists)
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  key_hash   TEXT NOT NULL UNIQUE,           -- SHA-256 hex of the key
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE login_failures (
  key          TEXT PRIMARY KEY,             -- u:<name key> | a:<address>
  count        INTEGER NOT NULL,
  window_start TEXT NOT NULL
) STRICT, WITHOUT ROWID;
