import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { errorMessage } from '../core/errors.js';
import { childPath } from '../core/safe-path.js';
import type { Skill, SkillProblem } from '../skills/types.js';
import type { TapsContext } from './context.js';
import { discoverSkillFiles } from '../skills/discover.js';
import { readSkill } from '../skills/parse.js';
import { remoteHead } from './git.js';
import { installSkill, tapStore, type InstallOptions } from './install.js';
import { readLock } from './lock.js';

export interface Outdated {
  name: string;
  locked: string;
  latest: string;
  source: string;
}

/** Installed skills whose source has moved on since they were installed. */
export function outdatedSkills(kit: TapsContext): Outdated[] {
  const out: Outdated[] = [];
  for (const [name, e] of Object.entries(readLock(kit.paths.home).skills)) {
    const latest = remoteHead(/^[\w+.-]+:\/\//.test(e.source) || e.source.includes('@') ? e.source : `file://${e.source}`);
    if (latest && latest !== e.commit) out.push({ name, locked: e.commit, latest, source: e.source });
  }
  return out;
}

/** Reinstalls outdated skills (or one) from their source's latest commit, through the same scan. */
export async function updateSkills(kit: TapsContext, only: string | undefined, options: InstallOptions): Promise<string[]> {
  const lock = readLock(kit.paths.home);
  const updated: string[] = [];
  const outdated = outdatedSkills(kit).filter((x) => !only || x.name === only);
  for (const item of outdated) {
    options.onProgress?.(updated.length, outdated.length, item.name);
    const entry = lock.skills[item.name];
    if (entry.tap) tapStore(kit).update(entry.tap);
    await installSkill(kit, entry.tap ? `${entry.tap}/${item.name}` : `${entry.source}#${entry.path}`, options);
    updated.push(item.name);
  }
  return updated;
}

export interface PublishReport {
  published: number;
  /** Skills left out, each with why: not loadable, or a name that is not a plain folder name. */
  skipped: SkillProblem[];
}

/**
 * Writes the user's skills as a folder any `tap add` can use: skills/<name>/… plus an index README.
 * A skill's name comes from its file, so every folder built from one is checked to stay in `dir`/skills.
 */
export function publishSkills(kit: TapsContext, dir: string): PublishReport {
  const root = kit.paths.skills;
  const into = join(dir, 'skills');
  mkdirSync(into, { recursive: true });
  const entries: string[] = [];
  const skipped: SkillProblem[] = [];
  for (const file of discoverSkillFiles(root).files) {
    const outcome = readSkill(file, { path: root, label: 'kei' });
    if (!('skill' in outcome)) {
      skipped.push(outcome.problem);
      continue;
    }
    try {
      entries.push(publishOne(outcome.skill, into));
    } catch (err) {
      skipped.push({ path: outcome.skill.path, reason: errorMessage(err) });
    }
  }
  writeFileAtomic(
    join(dir, 'README.md'),
    '# Skills\n\nAgent Skills published with KeiSeiKit (`kei publish`). Add them with `kei tap add <this repository>`.\n\n' +
      `${entries.sort().join('\n')}\n`,
  );
  return { published: entries.length, skipped };
}

/** Copies one skill to `into/<name>` (its name checked to stay inside) and returns its README line. */
function publishOne(skill: Skill, into: string): string {
  const target = childPath(into, skill.name, `skill name (from ${skill.path})`);
  mkdirSync(target, { recursive: true });
  cpSync(skill.folder, target, { recursive: true });
  const link = `skills/${encodeURIComponent(skill.name)}/SKILL.md`;
  return `- [${skill.name}](${link}): ${skill.description.replace(/\s+/g, ' ').slice(0, 200)}`;
}

export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
