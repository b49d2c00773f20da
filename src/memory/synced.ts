import { cached } from '../core/db.js';
import { KeiError } from '../core/errors.js';
import { guardWrite, type GateContext } from '../gate/guard-gate.js';
import { guardMarkOf } from './guard-mark.js';
import { recordHistory, snapshot } from './history.js';
import { NEXT_RID_SQL, normalizedHash, type MemoryRow } from './rows.js';
import type { Scope } from './types.js';

/** A version of a shared memory as another member wrote it (src/team pulls it from the team's server). */
export interface SyncedMemory {
  id: string;
  scope: Scope;
  projectKey: string;
  content: string;
  tags: string;
  /** `team:<member>`: who wrote it, in the history and in a guard event. */
  source: string;
  at: number;
}

/**
 * Stores a pulled version under its own id: outside text, so the guard scans it first and a block throws
 * `GuardBlockedError` (recorded as a guard event naming the member) with nothing stored. The bypass variable does not
 * apply: it is the local user's switch, not another member's. The version it replaces stays in the history.
 * Runs inside the caller's transaction.
 */
export function putSyncedMemory(gate: GateContext, m: SyncedMemory): { before: MemoryRow | undefined } {
  guardWrite({ ...gate, env: {} }, m.content, 'memory', m.source);
  const before = rowOf(gate, m.id);
  if (before) sharedOnly(before);
  const hash = normalizedHash(m.content);
  if (before) {
    cached(
      gate.db,
      `UPDATE memories SET rid = ${NEXT_RID_SQL}, content = ?, norm_hash = ?, tags = ?, updated_at = ?, guard_mark = ? WHERE id = ?`,
    ).run(m.content, hash, m.tags, m.at, guardMarkOf(m.content), m.id);
  } else {
    cached(
      gate.db,
      `INSERT INTO memories (id, scope, project_key, content, norm_hash, tags, source, created_at, updated_at, guard_mark)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.id, m.scope, m.projectKey, m.content, hash, m.tags, m.source, m.at, m.at, guardMarkOf(m.content));
  }
  const after = rowOf(gate, m.id) as MemoryRow;
  recordHistory(gate.db, m.id, before ? 'replace' : 'add', before ? snapshot(before) : null, snapshot(after), m.source, m.at);
  return { before };
}

/** A pulled tombstone: removes the memory (undoable from its history). Runs inside the caller's transaction. */
export function removeSyncedMemory(gate: GateContext, id: string, source: string, at: number): MemoryRow | undefined {
  const before = rowOf(gate, id);
  if (!before) return undefined;
  sharedOnly(before);
  cached(gate.db, 'DELETE FROM memories WHERE id = ?').run(id);
  recordHistory(gate.db, id, 'remove', snapshot(before), null, source, at);
  return before;
}

/**
 * A version that lost a conflict to the memory's current text: kept in its history as a replace from the loser to
 * the winner, so `memory undo` brings the losing text back. Scanned like any pulled text; a blocked loser is not kept.
 */
export function keepLosingVersion(
  gate: GateContext,
  id: string,
  loser: { content: string; tags: string },
  source: string,
  at: number,
): void {
  const current = rowOf(gate, id);
  if (!current) return;
  guardWrite({ ...gate, env: {} }, loser.content, 'memory', source);
  const lost = { ...snapshot(current), content: loser.content, norm_hash: normalizedHash(loser.content), tags: loser.tags };
  recordHistory(gate.db, id, 'replace', lost, snapshot(current), source, at);
}

/** A shared memory as the team pushes it: undefined once removed. */
export function syncedMemoryRow(gate: Pick<GateContext, 'db'>, id: string): MemoryRow | undefined {
  return rowOf(gate, id);
}

/** A pulled change names an id; it may only touch a shared memory, never one of the user's own. */
function sharedOnly(row: MemoryRow): void {
  if (row.scope !== 'project' && row.scope !== 'team') {
    throw new KeiError('team_invalid', `a pulled change names ${row.id}, which is a ${row.scope} memory here; refused`);
  }
}

function rowOf(gate: Pick<GateContext, 'db'>, id: string): MemoryRow | undefined {
  return cached(gate.db, 'SELECT * FROM memories WHERE id = ?').get(id) as MemoryRow | undefined;
}
