import type { Db } from '../core/db.js';
import { boundedId, boundedLabel } from './bounds.js';

/**
 * Names the agent a session runs in (`sessions.client`) and, once known, its version. Called after the
 * event's handler, in the same transaction, so the row it touches exists; a version never goes back to unknown.
 */
export function recordSessionAgent(db: Db, sessionId: string, agent: string, version?: string): void {
  db.prepare('UPDATE sessions SET client = ?, agent_version = coalesce(?, agent_version) WHERE id = ?').run(
    boundedLabel(agent),
    version ? boundedLabel(version) : null,
    boundedId(sessionId),
  );
}

/** What the ledger knows of a session's agent: its name and version (null until a payload or transcript said it). */
export function sessionAgent(db: Db, sessionId: string): { client: string; agent_version: string | null } | undefined {
  return db.prepare('SELECT client, agent_version FROM sessions WHERE id = ?').get(boundedId(sessionId)) as
    { client: string; agent_version: string | null } | undefined;
}
