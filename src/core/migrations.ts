/** One ordered list for the whole database; each entry runs once, inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const memories = `
CREATE TABLE memories (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('user', 'project')),
  project_key TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  norm_hash TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_used_at INTEGER,
  use_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX memories_dedupe ON memories (scope, project_key, norm_hash);
CREATE INDEX memories_updated ON memories (updated_at);

CREATE VIRTUAL TABLE memories_fts USING fts5(
  content, tags,
  content = 'memories', content_rowid = 'rid',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER memories_ai AFTER INSERT ON memories BEGIN
  INSERT INTO memories_fts (rowid, content, tags) VALUES (new.rid, new.content, new.tags);
END;
CREATE TRIGGER memories_ad AFTER DELETE ON memories BEGIN
  INSERT INTO memories_fts (memories_fts, rowid, content, tags) VALUES ('delete', old.rid, old.content, old.tags);
END;
CREATE TRIGGER memories_au AFTER UPDATE OF content, tags ON memories BEGIN
  INSERT INTO memories_fts (memories_fts, rowid, content, tags) VALUES ('delete', old.rid, old.content, old.tags);
  INSERT INTO memories_fts (rowid, content, tags) VALUES (new.rid, new.content, new.tags);
END;

CREATE TABLE memory_history (
  hid INTEGER PRIMARY KEY,
  memory_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('add', 'replace', 'remove', 'undo')),
  before_json TEXT,
  after_json TEXT,
  source TEXT NOT NULL,
  at INTEGER NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX memory_history_by_memory ON memory_history (memory_id, hid);
`;

const guardEvents = `
CREATE TABLE guard_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  surface TEXT NOT NULL,
  caller TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('block', 'bypass')),
  rules TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX guard_events_at ON guard_events (at);
`;

const ledger = `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  client TEXT NOT NULL DEFAULT 'claude-code',
  cwd TEXT,
  project_key TEXT,
  transcript_path TEXT,
  model TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  end_reason TEXT,
  user_turns INTEGER NOT NULL DEFAULT 0,
  last_review_turn INTEGER NOT NULL DEFAULT 0,
  last_seen_at INTEGER
);
CREATE INDEX sessions_started ON sessions (started_at);
CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL,
  turn_index INTEGER NOT NULL,
  prompt TEXT,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  tool_calls INTEGER NOT NULL DEFAULT 0,
  tool_errors INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, turn_index)
);
CREATE TABLE tool_calls (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL,
  turn_index INTEGER,
  tool_use_id TEXT,
  tool_name TEXT NOT NULL,
  input_summary TEXT,
  response_summary TEXT,
  ok INTEGER NOT NULL,
  duration_ms INTEGER,
  at INTEGER NOT NULL
);
CREATE INDEX tool_calls_session ON tool_calls (session_id, id);
CREATE TABLE skill_invocations (
  id TEXT PRIMARY KEY,
  skill_name TEXT NOT NULL,
  ts INTEGER NOT NULL,
  agent_id TEXT,
  success INTEGER CHECK (success IN (0, 1)),
  success_reason TEXT,
  trajectory_id TEXT,
  duration_ms INTEGER,
  session_id TEXT,
  turn_index INTEGER,
  source TEXT NOT NULL CHECK (source IN ('skill-tool', 'slash-command', 'mcp'))
);
CREATE INDEX skill_invocations_by_skill ON skill_invocations (skill_name, ts);
CREATE TABLE trajectories (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  first_turn INTEGER NOT NULL,
  last_turn INTEGER NOT NULL,
  tool_call_count INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  outcome TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX trajectories_session ON trajectories (session_id);
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  shown_at INTEGER
);
CREATE INDEX notices_pending ON notices (session_id, shown_at);
`;

const skillVersions = `
CREATE TABLE skill_versions (
  id INTEGER PRIMARY KEY,
  skill_name TEXT NOT NULL,
  folder TEXT NOT NULL,
  file TEXT NOT NULL,
  version INTEGER NOT NULL,
  content TEXT,
  action TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (folder, version)
);
CREATE INDEX skill_versions_by_name ON skill_versions (skill_name, version);
`;

const sandboxes = `
CREATE TABLE sandboxes (
  name TEXT PRIMARY KEY,
  backend TEXT NOT NULL,
  state TEXT NOT NULL,
  remote_id TEXT,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
`;

const jobs = `
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

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'memories', sql: memories },
  { version: 2, name: 'guard-events', sql: guardEvents },
  { version: 3, name: 'ledger', sql: ledger },
  { version: 4, name: 'skill-versions', sql: skillVersions },
  { version: 5, name: 'sandboxes', sql: sandboxes },
  { version: 6, name: 'jobs', sql: jobs },
];
