import type { Db } from '../core/db.js';
import { boundedId } from './bounds.js';

const CORRECTION = /\b(?:no[,.!]|wrong|that'?s not|doesn'?t work|didn'?t work|not what i|undo|revert|try again|stop|broken|you broke)\b/i;

interface Pending {
  id: string;
  ts: number;
  turn_index: number | null;
}

/**
 * At session end, decides success for invocations nobody gave feedback on, from what followed them:
 * tool errors later in the same turn, an interrupt, or the user correcting in the next prompt mean
 * failure; a turn that ended without those means success. Invocations without a turn stay unknown.
 */
export function settleSkillOutcomes(db: Db, rawSessionId: string): number {
  const sessionId = boundedId(rawSessionId);
  const pending = db
    .prepare('SELECT id, ts, turn_index FROM skill_invocations WHERE session_id = ? AND success IS NULL')
    .all(sessionId) as Pending[];
  let settled = 0;
  for (const inv of pending) {
    if (inv.turn_index === null) continue;
    const verdict = judge(db, sessionId, { ...inv, turn_index: inv.turn_index });
    if (!verdict) continue;
    db.prepare('UPDATE skill_invocations SET success = ?, success_reason = ? WHERE id = ?').run(
      verdict.success ? 1 : 0,
      `rule: ${verdict.reason}`,
      inv.id,
    );
    settled++;
  }
  return settled;
}

function judge(db: Db, sessionId: string, inv: Pending & { turn_index: number }): { success: boolean; reason: string } | undefined {
  const after = db
    .prepare('SELECT ok, response_summary FROM tool_calls WHERE session_id = ? AND turn_index = ? AND at >= ?')
    .all(sessionId, inv.turn_index, inv.ts) as { ok: number; response_summary: string | null }[];
  const errors = after.filter((c) => c.ok === 0).length;
  if (errors > 0) return { success: false, reason: `${errors} tool error(s) followed it in the same turn` };
  if (after.some((c) => /"interrupted":\s*true/.test(c.response_summary ?? ''))) return { success: false, reason: 'the user interrupted' };
  const next = db.prepare('SELECT prompt FROM turns WHERE session_id = ? AND turn_index = ?').get(sessionId, inv.turn_index + 1) as
    { prompt: string | null } | undefined;
  if (next?.prompt && CORRECTION.test(next.prompt)) return { success: false, reason: 'the user corrected the result in the next prompt' };
  const turn = db.prepare('SELECT ended_at FROM turns WHERE session_id = ? AND turn_index = ?').get(sessionId, inv.turn_index) as
    { ended_at: number | null } | undefined;
  if (turn?.ended_at) return { success: true, reason: 'the turn completed without errors or corrections' };
  return undefined;
}
