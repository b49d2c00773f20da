import type { Db } from '../core/db.js';
import { boundedId, boundedLabel } from './bounds.js';
import { sanitizeForLedger } from './private.js';

/** What the ledger keeps of a prompt and of a tool call's input and response (after redaction). */
export const PROMPT_CHARS = 4000;
export const TOOL_SUMMARY_CHARS = 2000;

/** Opens the next user turn of a session and returns its index. The prompt is stored sanitized (private parts, secrets, length). */
export function startTurn(db: Db, sessionId: string, prompt: string, at: number): number {
  const id = boundedId(sessionId);
  db.prepare('UPDATE sessions SET user_turns = user_turns + 1, last_seen_at = ? WHERE id = ?').run(at, id);
  const { user_turns: index } = db.prepare('SELECT user_turns FROM sessions WHERE id = ?').get(id) as { user_turns: number };
  db.prepare('INSERT OR IGNORE INTO turns (session_id, turn_index, prompt, started_at) VALUES (?, ?, ?, ?)').run(
    id,
    index,
    sanitizeForLedger(prompt, PROMPT_CHARS),
    at,
  );
  return index;
}

export function endTurn(db: Db, sessionId: string, index: number, at: number): void {
  db.prepare('UPDATE turns SET ended_at = ? WHERE session_id = ? AND turn_index = ?').run(at, boundedId(sessionId), index);
}

export interface ToolCallInput {
  sessionId: string;
  turnIndex: number;
  toolUseId?: string;
  toolName: string;
  /** The tool's input and response as received (any JSON): the ledger keeps a sanitized summary. */
  inputSummary: unknown;
  responseSummary: unknown;
  ok: boolean;
  durationMs?: number;
  at: number;
}

/** Records one tool call: ids and name bounded, input and response summarised with secrets redacted. */
export function recordToolCall(db: Db, c: ToolCallInput): void {
  const sessionId = boundedId(c.sessionId);
  db.prepare(
    `INSERT INTO tool_calls (session_id, turn_index, tool_use_id, tool_name, input_summary, response_summary, ok, duration_ms, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sessionId,
    c.turnIndex,
    c.toolUseId ? boundedId(c.toolUseId) : null,
    boundedId(c.toolName),
    sanitizeForLedger(c.inputSummary, TOOL_SUMMARY_CHARS),
    sanitizeForLedger(c.responseSummary, TOOL_SUMMARY_CHARS),
    c.ok ? 1 : 0,
    c.durationMs ?? null,
    c.at,
  );
  db.prepare('UPDATE turns SET tool_calls = tool_calls + 1, tool_errors = tool_errors + ? WHERE session_id = ? AND turn_index = ?').run(
    c.ok ? 0 : 1,
    sessionId,
    c.turnIndex,
  );
}

/** Trajectory ids are the session's id with this prefix (one trajectory per session). */
export const TRAJECTORY_PREFIX = 'traj_';
export const trajectoryIdOf = (sessionId: string): string => `${TRAJECTORY_PREFIX}${boundedId(sessionId)}`;

/**
 * One trajectory per session: its turn range, tool-call count and whether it ended normally.
 * Refreshed at every Stop and at SessionEnd so the nightly cycle sees complete work.
 */
export function refreshTrajectory(db: Db, sessionId: string, completed: boolean, outcome: string, at: number): void {
  const id = boundedId(sessionId);
  const stats = db
    .prepare(
      `SELECT min(turn_index) AS first, max(turn_index) AS last,
      (SELECT count(*) FROM tool_calls WHERE session_id = ?) AS calls FROM turns WHERE session_id = ?`,
    )
    .get(id, id) as { first: number | null; last: number | null; calls: number };
  if (stats.first === null) return;
  db.prepare(
    `INSERT INTO trajectories (id, session_id, first_turn, last_turn, tool_call_count, completed, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET first_turn = excluded.first_turn, last_turn = excluded.last_turn, tool_call_count = excluded.tool_call_count,
      completed = excluded.completed, outcome = excluded.outcome`,
  ).run(trajectoryIdOf(id), id, stats.first, stats.last, stats.calls, completed ? 1 : 0, boundedLabel(outcome), at);
}
