import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project a working directory belongs to, as the absolute path of its root folder: the git root
 * (found by walking up to `.git`, no subprocess, so it is cheap on the hook path), else the directory
 * itself. The key and the root are the same string: memories are scoped by it, skills found under it.
 */
export function projectKeyFor(cwd: string): string {
  const start = resolve(cwd);
  let current = start;
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return start;
    current = parent;
  }
}
