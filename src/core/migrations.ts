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

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'memories', sql: memories },
  { version: 2, name: 'guard-events', sql: guardEvents },
];
