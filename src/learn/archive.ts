import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { KeiError } from '../core/errors.js';
import type { LearnContext } from './context.js';

/** Moves a skill folder to KEI_HOME/skills/_archive/<category>/<name>; `unarchive` brings it back. */
export function archiveSkill(kit: Pick<LearnContext, 'clock' | 'db' | 'paths' | 'skills'>, name: string): string {
  const skill = kit.skills.registry.get(name);
  if (!skill) throw new KeiError('skill_not_found', `no skill named "${name}"`);
  const skillsDir = kit.paths.skills;
  const rel = relative(skillsDir, skill.folder);
  if (rel.startsWith('..') || rel.startsWith('_archive'))
    throw new KeiError('skill_not_archivable', `${skill.folder} is not in ${skillsDir}; only the kit's own skills are archived`);
  const target = join(kit.paths.archive, rel);
  if (existsSync(target)) throw new KeiError('archive_exists', `${target} already exists; unarchive or remove it first`);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(skill.folder, target);
  kit.skills.registry.refresh(skill.folder);
  kit.db
    .prepare("UPDATE learned_skills SET status = 'archived', archived_path = ?, updated_at = ? WHERE name = ?")
    .run(target, kit.clock.now(), name);
  return target;
}

/** Puts an archived skill back where it was. */
export function unarchiveSkill(kit: Pick<LearnContext, 'clock' | 'db' | 'paths' | 'skills'>, name: string): string {
  const archive = kit.paths.archive;
  const found = archivedFolders(archive).find((f) => basename(f) === name);
  if (!found) throw new KeiError('skill_not_archived', `no archived skill named "${name}" in ${archive}`, { field: 'name' });
  const target = join(kit.paths.skills, relative(archive, found));
  if (existsSync(target)) throw new KeiError('skill_exists', `${target} exists again; move it away first`);
  if (kit.skills.registry.get(name))
    throw new KeiError('skill_exists', `another skill named "${name}" is active at ${kit.skills.registry.get(name)?.path}`);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(found, target);
  kit.skills.registry.refresh(target);
  kit.db
    .prepare("UPDATE learned_skills SET status = 'active', folder = ?, archived_path = NULL, updated_at = ? WHERE name = ?")
    .run(target, kit.clock.now(), name);
  return target;
}

/** Every archived skill folder (one holding a SKILL.md), at most two levels down. */
export function archivedFolders(archive: string): string[] {
  if (!existsSync(archive)) return [];
  const out: string[] = [];
  for (const a of readdirSync(archive, { withFileTypes: true })) {
    if (!a.isDirectory()) continue;
    const first = join(archive, a.name);
    if (existsSync(join(first, 'SKILL.md'))) out.push(first);
    else
      for (const b of readdirSync(first, { withFileTypes: true }))
        if (b.isDirectory() && existsSync(join(first, b.name, 'SKILL.md'))) out.push(join(first, b.name));
  }
  return out;
}
