/**
 * Adds the scope `team` (facts about the team, shared with its members, not tied to one repository). SQLite cannot
 * change a CHECK constraint, so the table is rebuilt with the same rowids (the FTS index points at them); DROP TABLE
 * takes the old triggers and indexes with it, and they are created again as migrations 1, 9 and 10 made them.
 */
export const memoryTeamScopeSql = `
CREATE TABLE memories_team_scope (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('user', 'project', 'team')),
  project_key TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  norm_hash TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_used_at INTEGER,
  use_count INTEGER NOT NULL DEFAULT 0,
  guard_mark TEXT
);
INSERT INTO memories_team_scope (rid, id, scope, project_key, content, norm_hash, tags, source, created_at, updated_at, last_used_at,
  use_count, guard_mark)
  SELECT rid, id, scope, project_key, content, norm_hash, tags, source, created_at, updated_at, last_used_at, use_count, guard_mark
  FROM memories;
DROP TABLE memories;
ALTER TABLE memories_team_scope RENAME TO memories;
CREATE INDEX memories_dedupe ON memories (scope, project_key, norm_hash);
CREATE INDEX memories_updated ON memories (updated_at);
CREATE INDEX memories_context ON memories (scope, project_key, use_count, updated_at);
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
CREATE TRIGGER memories_version_ai AFTER INSERT ON memories BEGIN
  UPDATE memory_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memories_version_ad AFTER DELETE ON memories BEGIN
  UPDATE memory_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memories_version_au AFTER UPDATE OF rid, content, tags ON memories BEGIN
  UPDATE memory_version SET version = version + 1 WHERE id = 1;
END;
`;
