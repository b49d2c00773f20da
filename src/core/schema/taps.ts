export const tapsSql = `
CREATE TABLE taps (
  name TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  subpath TEXT NOT NULL DEFAULT '',
  commit_sha TEXT,
  added_at INTEGER NOT NULL,
  updated_at INTEGER
);
`;
