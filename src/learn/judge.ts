import { cached, type Db } from '../core/db.js';
import type { LearnContext } from './context.js';
import { judgeReply } from './contracts.js';
import { clip } from './evidence.js';
import type { Invoker } from './invoker/invoker.js';

export const JUDGE_SYSTEM =
  "You are the skill judge of KeiSeiKit. For each skill invocation below you see the user's request, " +
  "what the agent did after loading the skill, and the user's next message. Decide whether using the " +
  'skill succeeded: the task was done without errors the skill should have prevented and without the ' +
  'user correcting or undoing it.\nWhen the record does not let you tell, leave that invocation ' +
  'out.\nReply with exactly one JSON object and nothing else: {"verdicts": [{"invocation": "<id>", ' +
  '"success": true | false, "reason": "<one short sentence>"}]}';

interface Pending {
  id: string;
  skill_name: string;
  session_id: string;
  turn_index: number;
  ts: number;
}

/** Invocations still without an outcome whose session is over (or a day old), oldest first. */
export function pendingJudgements(db: Db, now: number, limit: number): Pending[] {
  return db
    .prepare(
      `SELECT i.id, i.skill_name, i.session_id, i.turn_index, i.ts FROM skill_invocations i JOIN sessions s ON s.id = i.session_id
    WHERE i.success IS NULL AND i.turn_index IS NOT NULL AND (s.ended_at IS NOT NULL OR i.ts < ?) ORDER BY i.ts LIMIT ?`,
    )
    .all(now - 86_400_000, limit) as Pending[];
}

/** Asks the model about one batch and stores the verdicts it gave for invocations it was asked about. */
export async function judgeBatch(kit: Pick<LearnContext, 'db'>, invoker: Invoker, batch: Pending[], signal?: AbortSignal): Promise<number> {
  const prompt = batch.map((p) => describe(kit.db, p)).join('\n\n');
  const reply = await invoker.ask({
    purpose: 'judge',
    system: JUDGE_SYSTEM,
    prompt: `${prompt}\n\nAnswer with the JSON object only.`,
    schema: judgeReply,
    signal,
  });
  const asked = new Set(batch.map((p) => p.id));
  let stored = 0;
  for (const v of reply.verdicts) {
    if (!asked.has(v.invocation)) continue;
    asked.delete(v.invocation);
    kit.db
      .prepare('UPDATE skill_invocations SET success = ?, success_reason = ? WHERE id = ? AND success IS NULL')
      .run(v.success ? 1 : 0, `judge: ${clip(v.reason, 300)}`, v.invocation);
    stored++;
  }
  return stored;
}

function describe(db: Db, p: Pending): string {
  const turnPrompt = (turn: number) =>
    (
      cached(db, 'SELECT prompt FROM turns WHERE session_id = ? AND turn_index = ?').get(p.session_id, turn) as
        { prompt: string | null } | undefined
    )?.prompt;
  const prompt = turnPrompt(p.turn_index) ?? '';
  const next = turnPrompt(p.turn_index + 1);
  const calls = db
    .prepare(
      'SELECT tool_name, ok, input_summary FROM tool_calls WHERE session_id = ? AND turn_index = ? AND at >= ? ORDER BY at, id LIMIT 15',
    )
    .all(p.session_id, p.turn_index, p.ts) as { tool_name: string; ok: number; input_summary: string | null }[];
  const steps =
    calls.map((c) => `  [${c.ok ? 'ok' : 'ERROR'}] ${c.tool_name} ${clip(c.input_summary ?? '', 160)}`).join('\n') || '  (no tool calls)';
  return (
    `Invocation ${p.id} of skill "${p.skill_name}"\nUser request: ${clip(prompt, 500)}\nAfterwards:\n${steps}\nUser's next message: ` +
    `${next ? clip(next, 300) : '(none)'}`
  );
}
