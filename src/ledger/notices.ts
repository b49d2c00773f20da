import type { Db } from '../core/db.js';
import { boundedId } from './bounds.js';
import { sanitizeForLedger } from './private.js';

/** Queues a short announcement for a session's next hook (e.g. what the reviewer saved). */
export function addNotice(db: Db, sessionId: string, text: string, at: number): void {
  db.prepare('INSERT INTO notices (session_id, text, created_at) VALUES (?, ?, ?)').run(
    boundedId(sessionId),
    sanitizeForLedger(text, 4000),
    at,
  );
}

/** The session's announcements not shown yet, in order, marked as shown; undefined when there are none. */
export function takeNotices(db: Db, sessionId: string, at: number): string | undefined {
  const rows = db
    .prepare('SELECT id, text FROM notices WHERE session_id = ? AND shown_at IS NULL ORDER BY id')
    .all(boundedId(sessionId)) as { id: number; text: string }[];
  if (rows.length === 0) return undefined;
  db.prepare(`UPDATE notices SET shown_at = ? WHERE id IN (${rows.map(() => '?').join(',')})`).run(at, ...rows.map((r) => r.id));
  return rows.map((r) => r.text).join('\n');
}

/**
 * Announcements other sessions never showed because they were over (ended, or no hook for `idleMs`) before the
 * reviewer finished: shown at the next SessionStart instead, marked as shown; undefined when there are none.
 */
export function takeLeftBehindNotices(db: Db, sessionId: string, at: number, idleMs: number): string | undefined {
  const rows = db
    .prepare(
      `SELECT n.id, n.text FROM notices n JOIN sessions s ON s.id = n.session_id
      WHERE n.shown_at IS NULL AND n.session_id <> ? AND (s.ended_at IS NOT NULL OR coalesce(s.last_seen_at, s.started_at) < ?)
      ORDER BY n.id LIMIT 20`,
    )
    .all(boundedId(sessionId), at - idleMs) as { id: number; text: string }[];
  if (rows.length === 0) return undefined;
  db.prepare(`UPDATE notices SET shown_at = ? WHERE id IN (${rows.map(() => '?').join(',')})`).run(at, ...rows.map((r) => r.id));
  return rows.map((r) => `From an earlier session: ${r.text}`).join('\n');
}
