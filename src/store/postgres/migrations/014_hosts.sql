-- Renumbered from 002 (so that 002 means the same in both folders); a schema that
-- recorded 002_hosts.sql has its record moved here (store/postgres/migrate.ts).
-- Per-host politeness across workers (src/jobs/locks.ts): when each host was last
-- released, so the next request to it, from any worker, waits out the minimum delay.
CREATE TABLE IF NOT EXISTS host_visits (
  host     text COLLATE "C" PRIMARY KEY,
  last_end timestamptz NOT NULL
);
