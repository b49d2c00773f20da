import type { Db } from '../core/db.js';
import { newId } from '../core/ids.js';

export type InvocationSource = 'skill-tool' | 'slash-command' | 'mcp';

export interface InvocationInput {
  skillName: string;
  source: InvocationSource;
  at: number;
  sessionId?: string | null;
  turnIndex?: number | null;
  agentId?: string | null;
}

/** One use of a skill, from any of the three paths; `success` is filled in later. */
export function recordInvocation(db: Db, input: InvocationInput): string {
  const id = newId('inv', input.at);
  db.prepare('INSERT INTO skill_invocations (id, skill_name, ts, agent_id, session_id, turn_index, source) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, input.skillName, input.at, input.agentId ?? null, input.sessionId ?? null, input.turnIndex ?? null, input.source);
  return id;
}

/** Sets the outcome of an invocation (explicit feedback wins over rules and the judge). */
export function setInvocationOutcome(db: Db, id: string, success: boolean, reason: string): boolean {
  const r = db.prepare('UPDATE skill_invocations SET success = ?, success_reason = ? WHERE id = ?').run(success ? 1 : 0, reason, id);
  return r.changes > 0;
}

/** The latest invocation of a skill (within an optional session), for feedback that names only the skill. */
export function latestInvocation(db: Db, skillName: string, sessionId?: string): { id: string } | undefined {
  if (sessionId) return db.prepare('SELECT id FROM skill_invocations WHERE skill_name = ? AND session_id = ? ORDER BY ts DESC, rowid DESC LIMIT 1').get(skillName, sessionId) as { id: string } | undefined;
  return db.prepare('SELECT id FROM skill_invocations WHERE skill_name = ? ORDER BY ts DESC, rowid DESC LIMIT 1').get(skillName) as { id: string } | undefined;
}
