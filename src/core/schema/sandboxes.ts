export const sandboxesSql = `
CREATE TABLE sandboxes (
  name TEXT PRIMARY KEY,
  backend TEXT NOT NULL,
  state TEXT NOT NULL,
  remote_id TEXT,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
`;
