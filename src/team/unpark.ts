import { putSyncedMemory } from '../memory/synced.js';
import type { TeamContext } from './context.js';
import { refusal } from './refusal.js';
import { dropOutboxAfter, lastOutboxSeq, parkedFor, quarantine, saveEntry, type EntryState } from './state.js';

/**
 * Stores the entries pulled for this project before this machine had a folder for it (scanned again on the way in;
 * a block quarantines). Storing them queues nothing to push: they came from the team.
 */
export function unpark(ctx: TeamContext, identity: string): number {
  const parked = parkedFor(ctx.db, identity);
  if (parked.length === 0) return 0;
  ctx.db
    .transaction(() => {
      const queuedBefore = lastOutboxSeq(ctx.db);
      for (const entry of parked) unparkOne(ctx, entry);
      dropOutboxAfter(ctx.db, queuedBefore);
    })
    .immediate();
  return parked.length;
}

function unparkOne(ctx: TeamContext, entry: EntryState): void {
  const at = ctx.clock.now();
  try {
    putSyncedMemory(ctx, {
      id: entry.entry_id,
      scope: 'project',
      projectKey: ctx.projectKey,
      content: entry.parked_content ?? '',
      tags: entry.parked_tags ?? '',
      source: `team:${entry.member}`,
      at,
    });
  } catch (error) {
    const rules = refusal(error);
    if (rules === undefined) throw error;
    const { entry_id, member, hlc } = entry;
    quarantine(ctx.db, { change_id: `parked:${hlc}`, kind: 'memory', entry_id, member, hlc, rules, at });
  }
  saveEntry(ctx.db, { ...entry, parked_content: null, parked_tags: null });
}
