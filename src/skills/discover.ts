import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { resolvesInside } from '../core/safe-path.js';

export const MAX_DEPTH = 6;
export const MAX_FOLDERS_PER_ROOT = 2000;
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/_archive/**'];

/** Every SKILL.md under a root: depth ≤ 6, at most 2,000 skill folders, dependency and VCS folders skipped. */
export function discoverSkillFiles(root: string): { files: string[]; truncated: boolean } {
  if (!existsSync(root)) return { files: [], truncated: false };
  const files = fg
    .sync('**/SKILL.md', {
      cwd: root,
      absolute: true,
      dot: true,
      deep: MAX_DEPTH + 1,
      ignore: IGNORE,
      followSymbolicLinks: true,
      suppressErrors: true,
      onlyFiles: true,
    })
    .sort();
  return { files: files.slice(0, MAX_FOLDERS_PER_ROOT), truncated: files.length > MAX_FOLDERS_PER_ROOT };
}

/**
 * Supporting files of one skill (scripts/, references/, assets/ …), relative to its folder. Links are
 * not followed; one to a file inside the folder is listed (skill_read_file reads it), one leading out
 * is not, so a listing never names a host file.
 */
export function listSkillFiles(folder: string): string[] {
  return fg
    .sync('**/*', {
      cwd: folder,
      dot: false,
      deep: 4,
      ignore: IGNORE,
      onlyFiles: false,
      followSymbolicLinks: false,
      objectMode: true,
      suppressErrors: true,
    })
    .filter((e) => e.path !== 'SKILL.md' && (e.dirent.isFile() || (e.dirent.isSymbolicLink() && isFileInside(folder, e.path))))
    .map((e) => e.path)
    .sort()
    .slice(0, 500);
}

function isFileInside(folder: string, path: string): boolean {
  const full = join(folder, path);
  return resolvesInside(folder, full) && statSync(full).isFile();
}
