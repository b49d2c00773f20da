import type pg from 'pg';
import { syncedMemoryRow } from '../memory/synced.js';
import type { TeamContext } from './context.js';
import { tick } from './hlc.js';
import { projectIdentity } from './identity.js';
import { readLink, saveClock, type TeamLink } from './link.js';
import { pushChanges, type RemoteChange } from './remote.js';
import { skillChanges } from './skills-push.js';
import { dropOutbox, entryState, outboxBatch, rememberProject, saveEntry, stampOutbox, type OutboxRow } from './state.js';

const BATCH = 500;

/**
 * Sends every queued local change, oldest first, in batches. A change is stamped with its clock before it leaves and
 * leaves the queue only after the server stored it, so a crash at any point resends the same change (same id, same
 * clock), which the server stores once.
 */
export async function pushAll(ctx: TeamContext, client: pg.Client, link: TeamLink): Promise<number> {
  const identities = new Map<string, string | undefined>();
  let pushed = 0;
  for (;;) {
    const rows = outboxBatch(ctx.db, BATCH);
    if (rows.length === 0) return pushed + (await pushSkills(ctx, client, link));
    stampClocks(ctx, rows, link.member);
    const latest = latestPerEntry(rows);
    const changes: { change: RemoteChange; seq: number }[] = [];
    for (const row of latest) {
      const change = changeOf(ctx, row, link.member, identities);
      if (change) changes.push({ change, seq: row.seq });
      else dropOutbox(ctx.db, row.seq, row.entry_id); // not shareable (a project with no identity) or never shared
    }
    await pushChanges(
      client,
      link.team,
      changes.map((c) => c.change),
    );
    ctx.db.transaction(() => {
      for (const { change, seq } of changes) {
        const known = entryState(ctx.db, change.entry_id);
        if (!known || change.hlc > known.hlc) saveEntry(ctx.db, { ...change, deleted: change.deleted ? 1 : 0 });
        dropOutbox(ctx.db, seq, change.entry_id);
      }
    })();
    pushed += changes.length;
  }
}

/** Shared skills' new versions, tombstones and use counts (skills-push.ts): one batch, noted once stored. */
async function pushSkills(ctx: TeamContext, client: pg.Client, link: TeamLink): Promise<number> {
  const pending = skillChanges(ctx, link);
  if (pending.length === 0) return 0;
  await pushChanges(
    client,
    link.team,
    pending.map((p) => p.change),
  );
  ctx.db.transaction(() => pending.forEach((p) => p.done()))();
  return pending.length;
}

/** Gives each unstamped queued change its clock, in queue order, after the latest clock this member stamped or saw. */
function stampClocks(ctx: TeamContext, rows: OutboxRow[], member: string): void {
  if (rows.every((r) => r.hlc !== null)) return;
  ctx.db
    .transaction(() => {
      let clock = readLink(ctx.db)?.hlc ?? '';
      for (const row of rows) {
        if (row.hlc !== null) continue;
        clock = tick(clock, Math.max(row.at ?? 0, ctx.clock.now()), member);
        row.hlc = clock;
        stampOutbox(ctx.db, row.seq, clock);
      }
      saveClock(ctx.db, clock);
    })
    .immediate();
}

function latestPerEntry(rows: OutboxRow[]): OutboxRow[] {
  const byEntry = new Map<string, OutboxRow>();
  for (const row of rows) byEntry.set(row.entry_id, row);
  return [...byEntry.values()];
}

/** The entry as it is now: its text, or a tombstone when it was removed. */
function changeOf(ctx: TeamContext, row: OutboxRow, member: string, identities: Map<string, string | undefined>): RemoteChange | undefined {
  const known = entryState(ctx.db, row.entry_id);
  const base = { change_id: row.change_id, kind: 'memory' as const, entry_id: row.entry_id, member, hlc: row.hlc as string };
  const memory = syncedMemoryRow(ctx, row.entry_id);
  if (!memory) {
    if (!known || known.deleted) return undefined;
    return { ...base, project: known.project, scope: known.scope, base_hlc: known.hlc, deleted: true, content: null, tags: '' };
  }
  let project = '';
  if (memory.scope === 'project') {
    if (!identities.has(memory.project_key)) identities.set(memory.project_key, projectIdentity(memory.project_key));
    project = identities.get(memory.project_key) ?? '';
    if (!project) return undefined;
    rememberProject(ctx.db, project, memory.project_key, ctx.clock.now());
  }
  return { ...base, project, scope: memory.scope, base_hlc: known?.hlc ?? '', deleted: false, content: memory.content, tags: memory.tags };
}
