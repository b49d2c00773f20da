import { existsSync } from 'node:fs';
import fg from 'fast-glob';

export const MAX_DEPTH = 6;
export const MAX_FOLDERS_PER_ROOT = 2000;
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/_archive/**'];

/** Every SKILL.md under a root: depth ≤ 6, at most 2,000 skill folders, dependency and VCS folders skipped. */
export function discoverSkillFiles(root: string): { files: string[]; truncated: boolean } {
  if (!existsSync(root)) return { files: [], truncated: false };
  const files = fg.sync('**/SKILL.md', {
    cwd: root, absolute: true, dot: true, deep: MAX_DEPTH + 1, ignore: IGNORE, followSymbolicLinks: true, suppressErrors: true, onlyFiles: true,
  }).sort();
  return { files: files.slice(0, MAX_FOLDERS_PER_ROOT), truncated: files.length > MAX_FOLDERS_PER_ROOT };
}

/** Supporting files of one skill (scripts/, references/, assets/ …), relative to its folder. */
export function listSkillFiles(folder: string): string[] {
  return fg.sync('**/*', { cwd: folder, dot: false, deep: 4, ignore: IGNORE, onlyFiles: true, suppressErrors: true })
    .filter((f) => f !== 'SKILL.md')
    .sort()
    .slice(0, 500);
}
