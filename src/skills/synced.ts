import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { KeiError } from '../core/errors.js';
import { guardWrite, type GateContext } from '../gate/guard-gate.js';
import { parseSkillText } from './parse.js';
import type { SkillRegistry } from './registry.js';
import { SkillVersions } from './versions.js';

/** Skills other members shared live here, one folder each: KEI_HOME/skills/team/<name>. */
export function teamSkillFolder(keiHome: string, name: string): string {
  return join(keiHome, 'skills', 'team', name);
}

/**
 * Stores a version of a skill another member shared (src/team pulls it): outside text, so the guard scans it on the
 * skill surface (no bypass) and a block throws with nothing written. It must parse, and name itself as shared; it never
 * replaces a skill of the same name that lives anywhere but the team folder. Each stored version is a skill version.
 */
export function putSyncedSkill(
  gate: GateContext,
  skills: { registry: SkillRegistry },
  keiHome: string,
  s: { name: string; text: string; source: string },
): 'stored' | 'unchanged' {
  const folder = teamSkillFolder(keiHome, s.name);
  const existing = skills.registry.get(s.name);
  if (existing && existing.folder !== folder) {
    throw new KeiError('team_invalid', `a skill named "${s.name}" already exists at ${existing.path}; the team's version is not stored`);
  }
  guardWrite({ ...gate, env: {} }, s.text, 'skill', s.source);
  checkLoads(s.text, s.name, folder);
  const file = join(folder, 'SKILL.md');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (before === s.text) return 'unchanged';
  writeFileAtomic(file, s.text);
  new SkillVersions(gate.db).record({
    skill: s.name,
    folder,
    file: 'SKILL.md',
    before,
    after: s.text,
    action: before === null ? 'create' : 'team-update',
    source: s.source,
    at: gate.clock.now(),
  });
  skills.registry.refresh(folder);
  return 'stored';
}

function checkLoads(text: string, name: string, folder: string): void {
  const parsed = parseSkillText(text, join(folder, 'SKILL.md'), { path: folder, label: 'team' });
  if ('problem' in parsed) throw new KeiError('team_invalid', `the shared skill "${name}" does not load: ${parsed.problem.reason}`);
  if (parsed.skill.name !== name) throw new KeiError('team_invalid', `the shared skill names itself "${parsed.skill.name}", not "${name}"`);
}

/** The sharer unshared it: the team copy goes (its versions stay in the database). */
export function removeSyncedSkill(skills: { registry: SkillRegistry }, keiHome: string, name: string): void {
  const folder = teamSkillFolder(keiHome, name);
  if (!existsSync(folder)) return;
  rmSync(folder, { recursive: true, force: true });
  skills.registry.refresh(folder);
}
