import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const BIN = {
  mcp: join(REPO_ROOT, 'bin', 'kei-mcp.js'),
  hook: join(REPO_ROOT, 'bin', 'kei-hook.cjs'),
  skills: join(REPO_ROOT, 'bin', 'kei-skills.js'),
};

const made: string[] = [];

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'kei-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh folder for a whole describe block (beforeAll): removed by `removeSuiteDirs` in afterAll. */
const suiteDirs: string[] = [];
export function suiteDir(prefix = 'kei-suite-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  suiteDirs.push(dir);
  return dir;
}

/** Retries: a background hook (async in Claude Code) may still be closing its files as the suite ends. */
export function removeSuiteDirs(): void {
  while (suiteDirs.length > 0) rmSync(suiteDirs.pop() as string, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

afterEach(() => {
  while (made.length > 0) rmSync(made.pop() as string, { recursive: true, force: true });
});
