import { KeiError } from '../core/errors.js';
import { putSyncedSkill, removeSyncedSkill } from '../skills/synced.js';
import type { ApplyOutcome } from './apply-memory.js';
import type { TeamContext } from './context.js';
import type { PulledChange } from './remote.js';
import { saveMemberStats } from './skill-state.js';
import { entryState, saveEntry } from './state.js';

/**
 * A pulled version of a shared skill (the latest clock wins; its echo and older versions are skipped) or an unshare,
 * inside the pull's transaction. The skills module guards and versions it; a block throws and the caller quarantines.
 */
export function applySkillChange(ctx: TeamContext, row: PulledChange): ApplyOutcome {
  const name = row.entry_id.replace(/^skill:/, '');
  const held = entryState(ctx.db, row.entry_id);
  if (held && row.hlc <= held.hlc) return 'skipped';
  const source = `team:${row.member}`;
  if (row.deleted) removeSyncedSkill(ctx.skills, ctx.paths.home, name);
  else putSyncedSkill({ ...ctx, env: {} }, ctx.skills, ctx.paths.home, { name, text: row.content ?? '', source });
  saveEntry(ctx.db, { entry_id: row.entry_id, hlc: row.hlc, member: row.member, project: '', scope: 'team', deleted: row.deleted ? 1 : 0 });
  return 'applied';
}

/** Another member's use and success counts of a skill: numbers only, checked as such. */
export function applySkillStats(ctx: TeamContext, row: PulledChange): ApplyOutcome {
  const name = /^stats:(.+):[^:]+$/.exec(row.entry_id)?.[1];
  const counts = parseCounts(row.content);
  if (!name || !counts) throw new KeiError('team_invalid', `skill counts ${row.entry_id} are not valid`);
  const held = entryState(ctx.db, row.entry_id);
  if (held && row.hlc <= held.hlc) return 'skipped';
  saveMemberStats(ctx.db, { skill: name, member: row.member, ...counts });
  saveEntry(ctx.db, { entry_id: row.entry_id, hlc: row.hlc, member: row.member, project: '', scope: 'team', deleted: 0 });
  return 'applied';
}

function parseCounts(text: string | null): { uses: number; known: number; successes: number; lastUse: number | null } | undefined {
  try {
    const v = JSON.parse(text ?? '') as Record<string, unknown>;
    const n = (x: unknown): number | undefined => (Number.isSafeInteger(x) && (x as number) >= 0 ? (x as number) : undefined);
    const uses = n(v.uses);
    const known = n(v.known);
    const successes = n(v.successes);
    if (uses === undefined || known === undefined || successes === undefined || successes > known || known > uses) return undefined;
    return { uses, known, successes, lastUse: n(v.lastUse) ?? null };
  } catch {
    return undefined;
  }
}
