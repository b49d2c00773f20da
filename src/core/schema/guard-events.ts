export const guardEventsSql = `
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
