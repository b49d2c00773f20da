import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { sessionExists } from './sessions.js';

/** One thing that happened in a session, in the order it happened: what the dashboard's timeline draws. */
export interface TimelineEvent {
  at: number;
  kind: 'turn' | 'tool' | 'skill' | 'review';
  turn: number | null;
  title: string;
  detail: string;
  ok: boolean | null;
}

/** Turns, tool calls (with their errors), skill uses and what the reviewer saved, of one session, oldest first. */
export function sessionTimeline(db: Db, session: string): TimelineEvent[] {
  if (!sessionExists(db, session)) throw new KeiError('session_not_found', `no session "${session}" in the ledger`, { field: 'session' });
  const events = [...turnEvents(db, session), ...toolEvents(db, session), ...skillEvents(db, session), ...reviewEvents(db, session)];
  // A stable sort: within one millisecond the order each table recorded them in is kept.
  return events.sort((a, b) => a.at - b.at);
}

function turnEvents(db: Db, session: string): TimelineEvent[] {
  const rows = db
    .prepare('SELECT turn_index, prompt, started_at, tool_errors FROM turns WHERE session_id = ? ORDER BY turn_index')
    .all(session) as { turn_index: number; prompt: string | null; started_at: number; tool_errors: number }[];
  return rows.map((t) => ({
    at: t.started_at,
    kind: 'turn',
    turn: t.turn_index,
    title: `Turn ${t.turn_index}`,
    detail: t.prompt ?? '',
    ok: t.tool_errors === 0,
  }));
}

function toolEvents(db: Db, session: string): TimelineEvent[] {
  const rows = db
    .prepare('SELECT turn_index, tool_name, input_summary, response_summary, ok, at FROM tool_calls WHERE session_id = ? ORDER BY at, id')
    .all(session) as {
    turn_index: number | null;
    tool_name: string;
    input_summary: string | null;
    response_summary: string | null;
    ok: number;
    at: number;
  }[];
  // A failed call shows what it answered: that is the error a person looks for.
  return rows.map((t) => ({
    at: t.at,
    kind: 'tool',
    turn: t.turn_index,
    title: t.tool_name,
    detail: [t.input_summary, t.ok ? null : t.response_summary].filter(Boolean).join('\n→ '),
    ok: t.ok === 1,
  }));
}

function skillEvents(db: Db, session: string): TimelineEvent[] {
  const rows = db
    .prepare('SELECT skill_name, turn_index, success, success_reason, ts FROM skill_invocations WHERE session_id = ? ORDER BY ts')
    .all(session) as { skill_name: string; turn_index: number | null; success: number | null; success_reason: string | null; ts: number }[];
  return rows.map((s) => ({
    at: s.ts,
    kind: 'skill',
    turn: s.turn_index,
    title: `skill ${s.skill_name}`,
    detail: s.success_reason ?? '',
    ok: s.success === null ? null : s.success === 1,
  }));
}

function reviewEvents(db: Db, session: string): TimelineEvent[] {
  const rows = db.prepare('SELECT op, content, outcome, detail, at FROM review_ops WHERE session_id = ? ORDER BY id').all(session) as {
    op: string;
    content: string | null;
    outcome: string;
    detail: string | null;
    at: number;
  }[];
  return rows.map((r) => ({
    at: r.at,
    kind: 'review',
    turn: null,
    title: `reviewer ${r.op} (${r.outcome})`,
    detail: r.content ?? r.detail ?? '',
    ok: r.outcome === 'applied',
  }));
}

/** Uses and successes per day since `since`, of one skill or of all of them. */
export function skillUsesByDay(
  db: Db,
  since: number,
  skill?: string,
): { day: string; uses: number; successes: number; failures: number }[] {
  return db
    .prepare(
      "SELECT date(ts / 1000, 'unixepoch', 'localtime') AS day, count(*) AS uses, coalesce(sum(success = 1), 0) AS successes, coalesce(sum(success = 0), 0) AS failures " +
        'FROM skill_invocations WHERE ts >= ? AND (? IS NULL OR skill_name = ?) GROUP BY day ORDER BY day',
    )
    .all(since, skill ?? null, skill ?? null) as { day: string; uses: number; successes: number; failures: number }[];
}

/** Use count and success rate of every skill that was used (rate over the uses whose outcome is known). */
export function skillUsage(
  db: Db,
): Map<string, { uses: number; successes: number; failures: number; rate: number | null; lastUsed: number }> {
  const rows = db
    .prepare(
      'SELECT skill_name, count(*) AS uses, coalesce(sum(success = 1), 0) AS successes, coalesce(sum(success = 0), 0) AS failures, max(ts) AS last FROM skill_invocations GROUP BY skill_name',
    )
    .all() as { skill_name: string; uses: number; successes: number; failures: number; last: number }[];
  return new Map(
    rows.map((r) => [
      r.skill_name,
      {
        uses: r.uses,
        successes: r.successes,
        failures: r.failures,
        rate: r.successes + r.failures ? r.successes / (r.successes + r.failures) : null,
        lastUsed: r.last,
      },
    ]),
  );
}

/** Guard events (blocks and bypasses) since `since`, per rule. */
export function guardBlocksSince(db: Db, since: number): { total: number; byRule: { rule: string; count: number }[] } {
  const rows = db.prepare("SELECT rules FROM guard_events WHERE verdict = 'block' AND at >= ?").all(since) as { rules: string }[];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const rule = r.rules.split(',')[0] || 'guard';
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return { total: rows.length, byRule: [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count) };
}
