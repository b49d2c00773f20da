export const jobsSql = `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  when_spec TEXT NOT NULL,
  when_json TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('prompt', 'command', 'builtin')),
  payload TEXT NOT NULL,
  cwd TEXT,
  timezone TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  max_runs INTEGER,
  run_count INTEGER NOT NULL DEFAULT 0,
  catch_up TEXT NOT NULL DEFAULT 'once' CHECK (catch_up IN ('none', 'once')),
  catch_up_deadline_ms INTEGER NOT NULL DEFAULT 3600000,
  concurrency TEXT NOT NULL DEFAULT 'forbid' CHECK (concurrency IN ('forbid', 'allow')),
  creator TEXT NOT NULL DEFAULT 'user',
  created_at INTEGER NOT NULL,
  next_run_at INTEGER,
  last_run_at INTEGER
);
CREATE INDEX jobs_due ON jobs (enabled, next_run_at);
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY,
  job_id TEXT NOT NULL,
  scheduled_for INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  status TEXT NOT NULL,
  exit_code INTEGER,
  output TEXT,
  log_path TEXT,
  runner_pid INTEGER,
  lease_until INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  UNIQUE (job_id, scheduled_for)
);
CREATE INDEX job_runs_ended ON job_runs (ended_at);
`;
