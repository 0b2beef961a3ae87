-- Per-host politeness across workers (src/jobs/locks.ts): when each host was last
-- released, so the next request to it, from any worker, waits out the minimum delay.
CREATE TABLE host_visits (
  host     text COLLATE "C" PRIMARY KEY,
  last_end timestamptz NOT NULL
);
