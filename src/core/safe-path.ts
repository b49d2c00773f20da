import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { KeiError } from './errors.js';

/**
 * Resolves a path given by a model or a user inside a skill folder. Refuses absolute paths, `..`
 * segments, and anything that resolves (through symlinks) outside the folder.
 */
export function resolveInside(folder: string, requested: string): string {
  if (typeof requested !== 'string' || requested.trim() === '') throw new KeiError('path_invalid', 'file path is empty', { field: 'file' });
  if (requested.includes('\0')) throw new KeiError('path_invalid', 'file path contains a NUL character', { field: 'file' });
  if (isAbsolute(requested) || /^[a-zA-Z]:[\\/]/.test(requested)) {
    throw new KeiError('path_escape', `"${requested}" is absolute; give a path relative to the skill folder`, { field: 'file' });
  }
  const clean = normalize(requested);
  if (clean === '..' || clean.startsWith(`..${sep}`) || clean.split(/[\\/]/).includes('..')) {
    throw new KeiError('path_escape', `"${requested}" leaves the skill folder`, { field: 'file' });
  }
  const target = join(folder, clean);
  assertRealInside(folder, target, requested);
  return target;
}

/** Follows symlinks of the deepest existing ancestor: a link pointing out of the folder is refused. */
function assertRealInside(folder: string, target: string, requested: string): void {
  const realFolder = realpathSync(folder);
  let probe = target;
  while (!existsSync(probe) && !isSymlink(probe)) probe = dirname(probe);
  let real: string;
  try {
    real = realpathSync(probe);
  } catch {
    throw new KeiError('path_escape', `"${requested}" is a broken symlink`, { field: 'file' });
  }
  const rel = relative(realFolder, real);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new KeiError('path_escape', `"${requested}" resolves outside the skill folder (through a symlink)`, { field: 'file' });
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
