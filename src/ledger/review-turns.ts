import type { Db } from '../core/db.js';

/** The user turn at which a reviewer was last started for a session; undefined for an unknown session. */
export function lastReviewTurn(db: Db, sessionId: string): number | undefined {
  const row = db.prepare('SELECT last_review_turn FROM sessions WHERE id = ?').get(sessionId) as { last_review_turn: number } | undefined;
  return row?.last_review_turn;
}

/** Records that a reviewer was started at this turn, so the next Stop of the same turn starts none. */
export function markReviewTurn(db: Db, sessionId: string, turn: number): void {
  db.prepare('UPDATE sessions SET last_review_turn = ? WHERE id = ?').run(turn, sessionId);
}
