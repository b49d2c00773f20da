import type { Db } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { sessionExists } from './sessions.js';

export type LedgerView = 'sessions' | 'turns' | 'tools' | 'skills' | 'stats';
export const LEDGER_VIEWS: readonly LedgerView[] = ['sessions', 'turns', 'tools', 'skills', 'stats'];

const SQL: Record<Exclude<LedgerView, 'stats'>, { all: string; bySession: string }> = {
  sessions: {
    all: 'SELECT id, client, cwd, model, started_at, ended_at, end_reason, user_turns FROM sessions ORDER BY started_at DESC LIMIT ?',
    bySession: 'SELECT id, client, cwd, model, started_at, ended_at, end_reason, user_turns FROM sessions WHERE id = ? LIMIT ?',
  },
  turns: {
    all: 'SELECT session_id, turn_index, prompt, started_at, ended_at, tool_calls, tool_errors FROM turns ORDER BY id DESC LIMIT ?',
    bySession:
      'SELECT session_id, turn_index, prompt, started_at, ended_at, tool_calls, tool_errors FROM turns ' +
      'WHERE session_id = ? ORDER BY turn_index LIMIT ?',
  },
  tools: {
    all: 'SELECT session_id, turn_index, tool_use_id, tool_name, ok, duration_ms, input_summary, at FROM tool_calls ORDER BY id DESC LIMIT ?',
    bySession:
      'SELECT session_id, turn_index, tool_use_id, tool_name, ok, duration_ms, input_summary, at FROM ' +
      'tool_calls WHERE session_id = ? ORDER BY id LIMIT ?',
  },
  skills: {
    all: 'SELECT id, skill_name, source, session_id, turn_index, success, success_reason, ts FROM skill_invocations ORDER BY ts DESC LIMIT ?',
    bySession:
      'SELECT id, skill_name, source, session_id, turn_index, success, success_reason, ts FROM ' +
      'skill_invocations WHERE session_id = ? ORDER BY ts LIMIT ?',
  },
};

/** Rows of one ledger view, newest first (or in order within one session). */
export function ledgerRows(db: Db, view: LedgerView, options: { session?: string; limit?: number } = {}): Record<string, unknown>[] {
  const limit = options.limit ?? 200;
  if (options.session !== undefined && !sessionExists(db, options.session))
    throw new KeiError('session_not_found', `no session "${options.session}" in the ledger; list them with: kei-skills ledger sessions`);
  if (view === 'stats') return options.session !== undefined ? sessionStats(db, options.session) : ledgerStats(db);
  const q = SQL[view];
  return (options.session ? db.prepare(q.bySession).all(options.session, limit) : db.prepare(q.all).all(limit)) as Record<
    string,
    unknown
  >[];
}

/** Per-skill use counts and success rates, plus totals: what a user checks to see what helps. */
export function ledgerStats(db: Db): Record<string, unknown>[] {
  const totals = db
    .prepare(
      'SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM turns) AS turns,\n    ' +
        '(SELECT count(*) FROM tool_calls) AS tool_calls, (SELECT count(*) FROM tool_calls WHERE ok = 0) AS ' +
        'tool_errors,\n    (SELECT count(*) FROM skill_invocations) AS skill_uses, (SELECT count(*) FROM ' +
        "memories) AS memories,\n    (SELECT count(*) FROM guard_events WHERE verdict = 'block') AS " +
        "guard_blocks, (SELECT count(*) FROM review_ops WHERE outcome = 'applied') AS reviewer_saved,\n    " +
        "(SELECT count(*) FROM learned_skills WHERE status = 'active') AS learned_skills, (SELECT count(*) " +
        "FROM llm_calls WHERE outcome != 'budget') AS model_calls",
    )
    .get() as Record<string, unknown>;
  const skills = db
    .prepare(
      'SELECT skill_name, count(*) AS uses, sum(success = 1) AS successes, sum(success = 0) AS ' +
        'failures,\n    round(100.0 * sum(success = 1) / nullif(sum(success IS NOT NULL), 0), 1) AS ' +
        'success_rate FROM skill_invocations GROUP BY skill_name ORDER BY uses DESC',
    )
    .all() as Record<string, unknown>[];
  return [{ kind: 'totals', ...totals }, ...skills.map((s) => ({ kind: 'skill', ...s }))];
}

/** The same figures for one session: its turns, tool calls, skill uses and what the reviewer saved from it. */
export function sessionStats(db: Db, session: string): Record<string, unknown>[] {
  const totals = db
    .prepare(
      'SELECT (SELECT count(*) FROM turns WHERE session_id = $s) AS turns,\n    ' +
        '(SELECT count(*) FROM tool_calls WHERE session_id = $s) AS tool_calls,\n    ' +
        '(SELECT count(*) FROM tool_calls WHERE session_id = $s AND ok = 0) AS tool_errors,\n    ' +
        '(SELECT count(*) FROM skill_invocations WHERE session_id = $s) AS skill_uses,\n    ' +
        "(SELECT count(*) FROM review_ops WHERE session_id = $s AND outcome = 'applied') AS reviewer_saved",
    )
    .get({ s: session }) as Record<string, unknown>;
  const skills = db
    .prepare(
      'SELECT skill_name, count(*) AS uses, sum(success = 1) AS successes, sum(success = 0) AS ' +
        'failures,\n    round(100.0 * sum(success = 1) / nullif(sum(success IS NOT NULL), 0), 1) AS ' +
        'success_rate FROM skill_invocations WHERE session_id = ? GROUP BY skill_name ORDER BY uses DESC',
    )
    .all(session) as Record<string, unknown>[];
  return [{ kind: 'totals', session, ...totals }, ...skills.map((s) => ({ kind: 'skill', ...s }))];
}
