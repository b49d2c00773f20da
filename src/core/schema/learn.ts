/** The learning loop: every model call, every reviewer operation, skills the kit extracted, nightly reports. */
export const learnSql = `
CREATE TABLE llm_calls (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  day TEXT NOT NULL,
  backend TEXT NOT NULL,
  model TEXT,
  purpose TEXT NOT NULL,
  prompt_chars INTEGER NOT NULL,
  reply_chars INTEGER,
  input_tokens INTEGER,
  output_tokens INTEGER,
  tokens_estimated INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL,
  duration_ms INTEGER,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'invalid', 'error', 'budget')),
  detail TEXT
);
CREATE INDEX llm_calls_day ON llm_calls (day);
CREATE TABLE review_ops (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  op TEXT NOT NULL,
  scope TEXT,
  content TEXT,
  old TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'duplicate', 'blocked', 'failed')),
  detail TEXT,
  memory_id TEXT
);
CREATE INDEX review_ops_session ON review_ops (session_id, id);
ALTER TABLE sessions ADD COLUMN review_cursor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE trajectories ADD COLUMN processed_at INTEGER;
ALTER TABLE trajectories ADD COLUMN processed_note TEXT;
CREATE TABLE learned_skills (
  name TEXT PRIMARY KEY,
  folder TEXT NOT NULL,
  category TEXT NOT NULL,
  source_trajectory TEXT,
  fingerprint TEXT NOT NULL,
  extractor TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  archived_path TEXT
);
CREATE TABLE nightly_runs (
  id TEXT PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  dry_run INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  report TEXT
);
`;
