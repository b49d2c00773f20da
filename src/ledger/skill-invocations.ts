import type { Db } from '../core/db.js';
import { newId } from '../core/ids.js';
import { boundedId, optionalId } from './bounds.js';
import { sanitizeForLedger } from './private.js';

export type InvocationSource = 'skill-tool' | 'slash-command' | 'mcp';

export interface InvocationInput {
  skillName: string;
  source: InvocationSource;
  at: number;
  sessionId?: string | null;
  turnIndex?: number | null;
  agentId?: string | null;
}

/** How long after kei-mcp recorded a skill load the hook may still claim it for its session. */
const ADOPT_WINDOW_MS = 120_000;

/** One use of a skill, from any of the three paths; `success` is filled in later. Names and ids are bounded. */
export function recordInvocation(db: Db, input: InvocationInput): string {
  const id = newId('inv', input.at);
  db.prepare(
    'INSERT INTO skill_invocations (id, skill_name, ts, agent_id, session_id, turn_index, source) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    boundedId(input.skillName),
    input.at,
    optionalId(input.agentId),
    optionalId(input.sessionId),
    input.turnIndex ?? null,
    input.source,
  );
  return id;
}

/**
 * Gives a session to the latest load of this skill that kei-mcp recorded without one (the server
 * does not know the session; the hook that sees the same call does). False when there is none.
 */
export function adoptMcpInvocation(db: Db, input: Omit<InvocationInput, 'source'>): boolean {
  const adopted = db
    .prepare(
      `UPDATE skill_invocations SET session_id = ?, turn_index = ?, agent_id = ? WHERE id = (
    SELECT id FROM skill_invocations WHERE skill_name = ? AND source = 'mcp' AND session_id IS NULL AND ts >= ? ORDER BY ts DESC LIMIT 1)`,
    )
    .run(
      optionalId(input.sessionId),
      input.turnIndex ?? null,
      optionalId(input.agentId),
      boundedId(input.skillName),
      input.at - ADOPT_WINDOW_MS,
    );
  return adopted.changes > 0;
}

/** Sets the outcome of an invocation (explicit feedback wins over rules and the judge). */
export function setInvocationOutcome(db: Db, id: string, success: boolean, reason: string): boolean {
  const r = db
    .prepare('UPDATE skill_invocations SET success = ?, success_reason = ? WHERE id = ?')
    .run(success ? 1 : 0, sanitizeForLedger(reason, 1000), boundedId(id));
  return r.changes > 0;
}

/** The latest invocation of a skill (within an optional session), for feedback that names only the skill. */
export function latestInvocation(db: Db, skillName: string, sessionId?: string): { id: string } | undefined {
  const name = boundedId(skillName);
  if (sessionId)
    return db
      .prepare('SELECT id FROM skill_invocations WHERE skill_name = ? AND session_id = ? ORDER BY ts DESC, rowid DESC LIMIT 1')
      .get(name, boundedId(sessionId)) as { id: string } | undefined;
  return db.prepare('SELECT id FROM skill_invocations WHERE skill_name = ? ORDER BY ts DESC, rowid DESC LIMIT 1').get(name) as
    { id: string } | undefined;
}
