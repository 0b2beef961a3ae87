-- (PostgreSQL) Accounts (src/accounts): users with roles and argon2id password hashes, sessions and API
-- keys stored as SHA-256 of their tokens (never the tokens), instance settings, and the
-- login limiter's failure counters (fixed windows per account and per address).

CREATE TABLE users (
  id            text PRIMARY KEY,            -- 16 random hex digits
  name          text NOT NULL,
  name_key      text NOT NULL UNIQUE,        -- NFKC lower case: one account per name whatever its case
  role          text NOT NULL,               -- admin | reader
  password_hash text NOT NULL,               -- argon2id PHC string
  follows_all   boolean NOT NULL DEFAULT true, -- true until the person chooses what to follow
  feed_token    text NOT NULL UNIQUE,        -- capability of the private feeds
  created_at    text NOT NULL
);

CREATE TABLE sessions (
  id         text PRIMARY KEY,               -- SHA-256 hex of the cookie's token
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at text NOT NULL,
  expires_at text NOT NULL,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_keys (
  id         text PRIMARY KEY,               -- 8 random hex digits (shown in lists)
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       text NOT NULL,
  key_hash   text NOT NULL UNIQUE,           -- SHA-256 hex of the key
  created_at text NOT NULL
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE login_failures (
  key          text PRIMARY KEY,             -- u:<name key> | a:<address>
  count        integer NOT NULL,
  window_start text NOT NULL
);
