import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { writeFileAtomic } from '../core/atomic-write.js';
import { KeiError } from '../core/errors.js';

export interface LockEntry {
  source: string;
  tap?: string;
  path: string;
  commit: string;
  hash: string;
  category: string;
  installedAt: string;
}

export type LockFile = { version: 1; skills: Record<string, LockEntry> };

export const lockPath = (keiHome: string) => join(keiHome, 'skills.lock.json');

export function readLock(keiHome: string): LockFile {
  const path = lockPath(keiHome);
  if (!existsSync(path)) return { version: 1, skills: {} };
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockFile;
  } catch (err) {
    throw new KeiError('lock_invalid', `${path} is not valid JSON (${(err as Error).message}); fix or remove it`);
  }
}

export function writeLock(keiHome: string, lock: LockFile): void {
  const sorted = Object.fromEntries(Object.entries(lock.skills).sort(([a], [b]) => a.localeCompare(b)));
  writeFileAtomic(lockPath(keiHome), `${JSON.stringify({ version: 1, skills: sorted }, null, 2)}\n`);
}

/** sha256 over every file's relative path and bytes, in order: equal hashes mean identical folders. */
export function folderHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of fg.sync('**/*', { cwd: dir, dot: true, onlyFiles: true, ignore: ['.git/**'] }).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(dir, file)));
    hash.update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}
