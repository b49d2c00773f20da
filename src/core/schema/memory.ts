export const memoriesSql = `
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
