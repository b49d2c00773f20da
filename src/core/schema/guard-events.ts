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

/**
 * The model judge of grey-zone writes (issue 18): its verdict and reason beside the guard's, and a
 * third verdict, `allow`, for a judged write that was stored. SQLite cannot widen a CHECK in place,
 * so the table is rebuilt with its rows.
 */
export const guardEventsJudgeSql = `
CREATE TABLE guard_events_judged (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  surface TEXT NOT NULL,
  caller TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('block', 'bypass', 'allow')),
  rules TEXT NOT NULL,
  reason TEXT,
  judge TEXT CHECK (judge IN ('safe', 'unsafe', 'unavailable')),
  judge_reason TEXT
);
INSERT INTO guard_events_judged (id, at, surface, caller, content_hash, verdict, rules, reason)
  SELECT id, at, surface, caller, content_hash, verdict, rules, reason FROM guard_events;
DROP TABLE guard_events;
ALTER TABLE guard_events_judged RENAME TO guard_events;
CREATE INDEX guard_events_at ON guard_events (at);
`;

/**
 * What the dashboard and `guard events` show of a refused write (issue 23): a short excerpt around the
 * finding that triggered it, secrets redacted and invisible characters made visible by the gate before it
 * is stored. Never the whole text. Rows recorded before this migration keep NULL.
 */
export const guardEventsExcerptSql = `
ALTER TABLE guard_events ADD COLUMN excerpt TEXT;
`;
