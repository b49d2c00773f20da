export const ledgerSql = `
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

/**
 * The agent a session ran in is `sessions.client` (claude-code, codex, gemini, cursor: set by the hook's `--agent`);
 * its version, when the payload or the transcript says it, is added here.
 */
export const sessionAgentVersionSql = `ALTER TABLE sessions ADD COLUMN agent_version TEXT;`;
