export const skillVersionsSql = `
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
