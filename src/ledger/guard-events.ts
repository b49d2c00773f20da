import { crypto } from '../core/lazy-builtin.js';
import type { Db } from '../core/db.js';
import { boundedId, boundedLabel } from './bounds.js';

export interface GuardEvent {
  surface: string;
  caller: string;
  content: string;
  verdict: 'block' | 'bypass';
  rules: string[];
  reason?: string;
  at: number;
}

/** Records a blocked or bypassed write: a hash of the content (never the content itself), rules and caller, all bounded. */
export function recordGuardEvent(db: Db, event: GuardEvent): void {
  const hash = crypto().createHash('sha256').update(event.content).digest('hex');
  db.prepare('INSERT INTO guard_events (at, surface, caller, content_hash, verdict, rules, reason) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    event.at,
    event.surface,
    boundedId(event.caller),
    hash,
    event.verdict,
    event.rules.join(','),
    event.reason === undefined ? null : boundedLabel(event.reason),
  );
}

export interface GuardEventRow {
  id: number;
  at: number;
  surface: string;
  caller: string;
  content_hash: string;
  verdict: string;
  rules: string;
  reason: string | null;
}

export function listGuardEvents(db: Db, limit = 50): GuardEventRow[] {
  return db.prepare('SELECT * FROM guard_events ORDER BY id DESC LIMIT ?').all(limit) as GuardEventRow[];
}
