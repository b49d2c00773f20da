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
