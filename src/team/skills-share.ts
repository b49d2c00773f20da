import { KeiError } from '../core/errors.js';
import { teamSkillFolder } from '../skills/synced.js';
import type { TeamContext } from './context.js';
import { requireLink } from './link.js';
import { markShared, markUnshared } from './skill-state.js';

/** Shares one of this member's skills: every sync then pushes its new versions and its use counts. */
export function shareSkill(ctx: TeamContext, name: string): { name: string; path: string } {
  requireLink(ctx.db);
  const skill = ctx.skills.registry.get(name);
  if (!skill) throw new KeiError('skill_not_found', `no skill named "${name}" here; kei-skills list shows the skills this project sees`);
  if (skill.folder === teamSkillFolder(ctx.paths.home, name)) {
    throw new KeiError('team_invalid', `"${name}" is already the team's (shared by another member)`);
  }
  markShared(ctx.db, name, ctx.clock.now());
  return { name, path: skill.path };
}

/** Stops sharing: the next sync tells the team, and other members' copies are removed (versions stay recorded). */
export function unshareSkill(ctx: TeamContext, name: string): { name: string } {
  requireLink(ctx.db);
  if (!markUnshared(ctx.db, name)) throw new KeiError('skill_not_found', `"${name}" is not shared; kei-skills team status lists what is`);
  return { name };
}
