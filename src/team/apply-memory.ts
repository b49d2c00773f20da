import { KeiError } from '../core/errors.js';
import { guardWrite } from '../gate/guard-gate.js';
import { keepLosingVersion, putSyncedMemory, removeSyncedMemory } from '../memory/synced.js';
import type { Scope } from '../memory/types.js';
import type { TeamContext } from './context.js';
import type { PulledChange } from './remote.js';
import { entryState, hasPending, projectKeyOf, recordConflict, saveEntry, type EntryState } from './state.js';

export type ApplyOutcome = 'applied' | 'conflict' | 'lost' | 'quarantined' | 'parked' | 'skipped';

/**
 * One pulled version of a shared memory, inside the pull's transaction. The later clock wins; when two members edited
 * the same version (the incoming change was not made on top of the version held here) the loser stays in the memory's
 * history and is listed as a resolved conflict. Pulled text passes the guard in the memory module's synced write; a
 * block throws and the caller quarantines the change.
 */
export function applyMemoryChange(ctx: TeamContext, row: PulledChange, me: string): ApplyOutcome {
  if (row.scope !== 'project' && row.scope !== 'team') {
    throw new KeiError('team_invalid', `a pulled change has scope "${row.scope}"; only project and team memories are shared`);
  }
  const held = entryState(ctx.db, row.entry_id);
  if (held && row.hlc === held.hlc) return 'skipped'; // our own push coming back, or seen before
  const source = `team:${row.member}`;
  const at = ctx.clock.now();
  if (held && row.hlc < held.hlc) return keepLoser(ctx, row, held, source, at);
  if (hasPending(ctx.db, row.entry_id)) {
    // A local edit made since the push: it will be pushed with a later clock and win; this version becomes its loser.
    if (!row.deleted && row.content !== null) keepLosingVersion(ctx, row.entry_id, { content: row.content, tags: row.tags }, source, at);
    recordConflict(ctx.db, { entry_id: row.entry_id, winner_member: me, winner_hlc: '', loser_member: row.member, loser_hlc: row.hlc, at });
    save(ctx, row, null);
    return 'conflict';
  }
  const concurrent = held !== undefined && row.base_hlc !== held.hlc;
  const outcome = row.deleted ? applyTombstone(ctx, row, source, at) : applyText(ctx, row, source, at);
  if (concurrent && outcome === 'applied') {
    recordConflict(ctx.db, {
      entry_id: row.entry_id,
      winner_member: row.member,
      winner_hlc: row.hlc,
      loser_member: held.member,
      loser_hlc: held.hlc,
      at,
    });
    return 'conflict';
  }
  return outcome;
}

/** An older version than the one held: a concurrent edit that lost. Kept in the history (guarded) and listed. */
function keepLoser(ctx: TeamContext, row: PulledChange, held: EntryState, source: string, at: number): ApplyOutcome {
  if (!row.deleted && row.content !== null && !held.deleted) {
    keepLosingVersion(ctx, row.entry_id, { content: row.content, tags: row.tags }, source, at);
  }
  recordConflict(ctx.db, {
    entry_id: row.entry_id,
    winner_member: held.member,
    winner_hlc: held.hlc,
    loser_member: row.member,
    loser_hlc: row.hlc,
    at,
  });
  return 'lost';
}

function applyTombstone(ctx: TeamContext, row: PulledChange, source: string, at: number): ApplyOutcome {
  removeSyncedMemory(ctx, row.entry_id, source, at);
  save(ctx, row, null);
  return 'applied';
}

function applyText(ctx: TeamContext, row: PulledChange, source: string, at: number): ApplyOutcome {
  const content = row.content ?? '';
  const scope = row.scope as Scope;
  const projectKey = scope === 'project' ? projectKeyOf(ctx.db, row.project) : '';
  if (projectKey === undefined) {
    // No folder of this project on this machine yet: scanned now, stored when a sync runs inside the project.
    guardWrite({ ...ctx, env: {} }, content, 'memory', source);
    save(ctx, row, { content, tags: row.tags });
    return 'parked';
  }
  putSyncedMemory(ctx, { id: row.entry_id, scope, projectKey, content, tags: row.tags, source, at });
  save(ctx, row, null);
  return 'applied';
}

function save(ctx: TeamContext, row: PulledChange, parked: { content: string; tags: string } | null): void {
  saveEntry(ctx.db, {
    entry_id: row.entry_id,
    hlc: row.hlc,
    member: row.member,
    project: row.project,
    scope: row.scope,
    deleted: row.deleted ? 1 : 0,
    parked_content: parked?.content ?? null,
    parked_tags: parked?.tags ?? null,
  });
}
