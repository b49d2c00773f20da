/**
 * Team sync state (src/team). `team_link` is the one team this data home belongs to (the server address without
 * its password, which comes from the URL given to the CLI, PG* variables or ~/.pgpass). Triggers queue every change to
 * a shared memory (scopes project and team) in `team_outbox` while a team is joined, whichever process writes it;
 * each queued change gets its id at once, so pushing it twice cannot store it twice.
 */
export const teamSql = `
CREATE TABLE team_link (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  team TEXT NOT NULL,
  member TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  pull_cursor INTEGER NOT NULL DEFAULT 0,
  hlc TEXT NOT NULL DEFAULT '',
  last_sync_at INTEGER,
  last_sync_error TEXT,
  last_sync_report TEXT
);
CREATE TABLE team_outbox (
  seq INTEGER PRIMARY KEY,
  change_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'memory',
  entry_id TEXT NOT NULL,
  at INTEGER,
  hlc TEXT
);
CREATE INDEX team_outbox_entry ON team_outbox (entry_id, seq);
CREATE TABLE team_entries (
  entry_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'memory',
  hlc TEXT NOT NULL,
  member TEXT NOT NULL,
  project TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0,
  parked_content TEXT,
  parked_tags TEXT
);
CREATE INDEX team_entries_parked ON team_entries (project) WHERE parked_content IS NOT NULL;
CREATE TABLE team_projects (
  identity TEXT NOT NULL,
  project_key TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (identity, project_key)
);
CREATE TABLE team_conflicts (
  id INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL,
  winner_member TEXT NOT NULL,
  winner_hlc TEXT NOT NULL,
  loser_member TEXT NOT NULL,
  loser_hlc TEXT NOT NULL,
  at INTEGER NOT NULL,
  UNIQUE (entry_id, loser_hlc)
);
CREATE TABLE team_quarantine (
  id INTEGER PRIMARY KEY,
  change_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  member TEXT NOT NULL,
  hlc TEXT NOT NULL,
  rules TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TRIGGER team_outbox_ai AFTER INSERT ON memories
  WHEN new.scope IN ('project', 'team') AND EXISTS (SELECT 1 FROM team_link) BEGIN
  INSERT INTO team_outbox (change_id, entry_id, at) VALUES (lower(hex(randomblob(16))), new.id, new.updated_at);
END;
CREATE TRIGGER team_outbox_au AFTER UPDATE OF content, tags ON memories
  WHEN new.scope IN ('project', 'team') AND EXISTS (SELECT 1 FROM team_link) BEGIN
  INSERT INTO team_outbox (change_id, entry_id, at) VALUES (lower(hex(randomblob(16))), new.id, new.updated_at);
END;
CREATE TRIGGER team_outbox_ad AFTER DELETE ON memories
  WHEN old.scope IN ('project', 'team') AND EXISTS (SELECT 1 FROM team_link) BEGIN
  INSERT INTO team_outbox (change_id, entry_id, at) VALUES (lower(hex(randomblob(16))), old.id, NULL);
END;
`;

/**
 * Shared skills (`team share`): which of this member's skills are shared and the hash of the SKILL.md last pushed, so a
 * sync pushes a new version only when the file changed; and every other member's use and success counts per skill,
 * which the nightly rules add to this data home's own.
 */
export const teamSkillsSql = `
CREATE TABLE team_shared_skills (
  name TEXT PRIMARY KEY,
  shared_at INTEGER NOT NULL,
  unshared INTEGER NOT NULL DEFAULT 0,
  pushed_hash TEXT,
  pushed_stats TEXT
);
CREATE TABLE team_skill_stats (
  skill TEXT NOT NULL,
  member TEXT NOT NULL,
  uses INTEGER NOT NULL,
  known INTEGER NOT NULL,
  successes INTEGER NOT NULL,
  last_use INTEGER,
  PRIMARY KEY (skill, member)
);
`;
