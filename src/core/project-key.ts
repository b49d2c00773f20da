import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project a working directory belongs to: its git root (found by walking up to `.git`,
 * no subprocess, so it is cheap on the hook path), else the directory itself.
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
