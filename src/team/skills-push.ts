import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crypto } from '../core/lazy-builtin.js';
import { skillCounts } from '../ledger/skill-counts.js';
import type { TeamContext } from './context.js';
import { tick } from './hlc.js';
import { readLink, saveClock, type TeamLink } from './link.js';
import type { RemoteChange } from './remote.js';
import { entryState, saveEntry } from './state.js';
import { forgetShared, notePushed, saveMemberStats, sharedSkills, type SharedSkillRow } from './skill-state.js';

/** A change to push and what to note locally once the server stored it. */
export interface PendingSkillChange {
  change: RemoteChange;
  done(): void;
}

const sha = (text: string): string => crypto().createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * What this member has to tell the team about skills: a new version of each shared skill whose SKILL.md changed since
 * it was last pushed, a tombstone for each unshared one, and this member's use and success counts of every shared and
 * team skill that changed. Change ids are derived from the content, so a resend after a crash is stored once.
 */
export function skillChanges(ctx: TeamContext, link: TeamLink): PendingSkillChange[] {
  let clock = readLink(ctx.db)?.hlc ?? link.hlc;
  const stamp = (): string => (clock = tick(clock, ctx.clock.now(), link.member));
  const out: PendingSkillChange[] = [];
  for (const row of sharedSkills(ctx.db)) {
    const change = sharedSkillChange(ctx, row, link.member, stamp);
    if (change) out.push(change);
  }
  out.push(...statsChanges(ctx, link, stamp));
  saveClock(ctx.db, clock);
  return out;
}

function sharedSkillChange(ctx: TeamContext, row: SharedSkillRow, member: string, stamp: () => string): PendingSkillChange | undefined {
  const entry_id = `skill:${row.name}`;
  const base = {
    kind: 'skill' as const,
    entry_id,
    project: '',
    scope: 'team',
    member,
    base_hlc: entryState(ctx.db, entry_id)?.hlc ?? '',
    tags: '',
  };
  if (row.unshared) {
    if (!row.pushed_hash) return void forgetShared(ctx.db, row.name);
    const change_id = sha(`unshare:${row.name}:${row.pushed_hash}:${member}`);
    return entryChange(ctx, { ...base, change_id, hlc: stamp(), deleted: true, content: null }, () => forgetShared(ctx.db, row.name));
  }
  const skill = ctx.skills.registry.get(row.name);
  if (!skill) return undefined;
  const text = readFileSync(skill.path, 'utf8');
  const hash = sha(text);
  if (hash === row.pushed_hash) return undefined;
  const change_id = sha(`skill:${row.name}:${hash}:${member}`);
  return entryChange(ctx, { ...base, change_id, hlc: stamp(), deleted: false, content: text }, () =>
    notePushed(ctx.db, row.name, hash, null),
  );
}

/** After the push the entry's version is this one: its echo from the server is then skipped. */
function entryChange(ctx: TeamContext, change: RemoteChange, noted: () => void): PendingSkillChange {
  return {
    change,
    done() {
      saveEntry(ctx.db, { ...change, deleted: change.deleted ? 1 : 0 });
      noted();
    },
  };
}

function statsChanges(ctx: TeamContext, link: TeamLink, stamp: () => string): PendingSkillChange[] {
  const names = new Set([
    ...sharedSkills(ctx.db)
      .filter((r) => !r.unshared)
      .map((r) => r.name),
    ...teamSkillNames(ctx.paths.home),
  ]);
  return [...names].flatMap((name) => statsChange(ctx, name, link.member, stamp) ?? []);
}

/** This member's counts of one skill, when they changed since last pushed. */
function statsChange(ctx: TeamContext, name: string, member: string, stamp: () => string): PendingSkillChange | undefined {
  const counts = skillCounts(ctx.db, name);
  if (counts.uses === 0) return undefined;
  const content = JSON.stringify(counts);
  const entry_id = `stats:${name}:${member}`;
  const last = entryState(ctx.db, entry_id);
  if (last && last.parked_content === content) return undefined;
  const change: RemoteChange = {
    change_id: sha(`stats:${name}:${member}:${content}`),
    kind: 'skill_stats',
    entry_id,
    project: '',
    scope: 'team',
    member,
    hlc: stamp(),
    base_hlc: last?.hlc ?? '',
    deleted: false,
    content,
    tags: '',
  };
  const done = (): void => {
    saveEntry(ctx.db, { ...change, deleted: 0, parked_content: content });
    saveMemberStats(ctx.db, { skill: name, member, ...counts });
  };
  return { change, done };
}

function teamSkillNames(home: string): string[] {
  const dir = join(home, 'skills', 'team');
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
}
