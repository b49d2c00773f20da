import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { KeiError } from './errors.js';

/**
 * Resolves a path given by a model or a user inside a skill folder. Refuses absolute paths, `..`
 * segments, and anything that resolves (through symlinks) outside the folder. Every write, read and
 * removal goes through here, so a name accepted once is accepted (and means the same file) every time.
 */
export function resolveInside(folder: string, requested: string): string {
  if (typeof requested !== 'string' || requested.trim() === '') throw new KeiError('path_invalid', 'file path is empty', { field: 'file' });
  if (requested.includes('\0')) throw new KeiError('path_invalid', 'file path contains a NUL character', { field: 'file' });
  if (isAbsolute(requested) || /^[a-zA-Z]:[\\/]/.test(requested)) {
    throw new KeiError('path_escape', `"${requested}" is absolute; give a path relative to the skill folder`, { field: 'file' });
  }
  const clean = normalize(requested);
  const segments = clean.split(/[\\/]/);
  if (segments.includes('..')) throw new KeiError('path_escape', `"${requested}" leaves the skill folder`, { field: 'file' });
  checkDotsOnly(requested, segments);
  const target = join(folder, clean);
  assertRealInside(folder, target, requested);
  return target;
}

/**
 * `root/<name>` for a name that came from a file (a skill's `name:`, a lock entry): names are data, so
 * one that is not a single plain folder name (`../../etc`, `a/b`, `/tmp/x`, `..`) or whose folder
 * resolves out of `root` through a symlink is refused, naming `what` it was and how to fix it.
 * `root` must exist.
 */
export function childPath(root: string, name: string, what: string): string {
  const fix = 'use a plain folder name (lowercase letters, digits and hyphens)';
  if (typeof name !== 'string' || name.trim() === '') throw new KeiError('path_invalid', `${what} is empty; ${fix}`, { field: 'name' });
  if (/[\\/\0]/.test(name) || /^\.+$/.test(name) || /^[a-zA-Z]:/.test(name))
    throw new KeiError('path_escape', `${what} "${name}" is not a single folder name and would leave ${root}; ${fix}`, { field: 'name' });
  try {
    return resolveInside(root, name);
  } catch (err) {
    throw new KeiError('path_escape', `${what} "${name}" resolves outside ${root} (${(err as Error).message}); ${fix}`, { field: 'name' });
  }
}

/**
 * A part made only of dots reads like a way up (`....//x`), and Windows drops trailing dots, so there
 * `....` would name the folder itself: refused with a reason rather than stored under a name that
 * means something else elsewhere.
 */
function checkDotsOnly(requested: string, segments: string[]): void {
  const dots = segments.find((s) => /^\.{3,}$/.test(s));
  if (dots)
    throw new KeiError(
      'path_invalid',
      `"${requested}" has a part made only of dots ("${dots}"); name files and folders with at least one other character`,
      { field: 'file' },
    );
}

/** True when `path` (inside `folder`) resolves, through any symlinks, to somewhere inside the folder. */
export function resolvesInside(folder: string, path: string): boolean {
  try {
    return isBelow(realpathSync(folder), realpathSync(path));
  } catch {
    return false;
  }
}

/** `child` is `parent` or below it. A name merely starting with `..` (`..notes`) is still below. */
function isBelow(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
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
  if (!isBelow(realFolder, real))
    throw new KeiError('path_escape', `"${requested}" resolves outside the skill folder (through a symlink)`, { field: 'file' });
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
