import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const BIN = {
  mcp: join(REPO_ROOT, 'bin', 'kei-mcp.js'),
  hook: join(REPO_ROOT, 'bin', 'kei-hook.js'),
  skills: join(REPO_ROOT, 'bin', 'kei-skills.js'),
};

const made: string[] = [];

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'kei-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  while (made.length > 0) rmSync(made.pop() as string, { recursive: true, force: true });
});
