import { crypto } from '../core/lazy-builtin.js';
import type { Db } from '../core/db.js';
import { redactSecrets } from '../guard/redact.js';
import { boundedId, boundedLabel } from './bounds.js';

export interface GuardEvent {
  surface: string;
  caller: string;
  content: string;
  /** `allow`: a grey-zone write let through after the model judge's verdict (or without one, as the guard said). */
  verdict: 'block' | 'bypass' | 'allow';
  rules: string[];
  reason?: string;
  at: number;
  /** The model judge's verdict on a grey-zone write and its reason (why there was none, for `unavailable`). */
  judge?: 'safe' | 'unsafe' | 'unavailable';
  judgeReason?: string;
  /** The gate's excerpt around the finding (redacted, printable, at most ~160 chars); never the whole text. */
  excerpt?: string;
}

/**
 * Records a blocked, bypassed or judged write: a hash of the content (never the content itself), rules, caller
 * and the gate's short excerpt, all bounded (the excerpt passes the ledger's redaction once more on its way in).
 */
export function recordGuardEvent(db: Db, event: GuardEvent): void {
  const hash = crypto().createHash('sha256').update(event.content).digest('hex');
  db.prepare(
    `INSERT INTO guard_events (at, surface, caller, content_hash, verdict, rules, reason, judge, judge_reason, excerpt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.at,
    event.surface,
    boundedId(event.caller),
    hash,
    event.verdict,
    event.rules.join(','),
    event.reason === undefined ? null : boundedLabel(event.reason),
    event.judge ?? null,
    event.judgeReason === undefined ? null : boundedLabel(redactSecrets(event.judgeReason)),
    event.excerpt === undefined ? null : boundedLabel(event.excerpt),
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
  judge: string | null;
  judge_reason: string | null;
  /** NULL for events recorded before migration 16 (and for a caller that gave none). */
  excerpt: string | null;
}

export function listGuardEvents(db: Db, limit = 50): GuardEventRow[] {
  return db.prepare('SELECT * FROM guard_events ORDER BY id DESC LIMIT ?').all(limit) as GuardEventRow[];
}
