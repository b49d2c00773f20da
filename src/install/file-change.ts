import { copyFileSync, existsSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';

export interface FileChange {
  path: string;
  before: string | null;
  after: string | null;
}

export function readOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Writes (or, with `after: null`, deletes) the file with a backup of what it replaces (`<file>.kei-backup-<time>`); no-op when unchanged. */
export function applyChange(change: FileChange, now = Date.now()): string | undefined {
  if (change.before === change.after) return undefined;
  if (change.after === null) {
    rmSync(change.path, { force: true });
    removeEmptyParents(dirname(change.path));
    return undefined;
  }
  let backup: string | undefined;
  if (change.before !== null) {
    backup = `${change.path}.kei-backup-${now}`;
    copyFileSync(change.path, backup);
  }
  writeFileAtomic(change.path, change.after);
  return backup;
}

/** A unified-style line diff, enough to show exactly what set-up would change. */
export function lineDiff(change: FileChange): string {
  const a = (change.before ?? '').split('\n');
  const b = (change.after ?? '').split('\n');
  if (change.before === change.after) return `= ${change.path} (unchanged)`;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const out = [`--- ${change.path}${change.before === null ? ' (new file)' : ''}`, `+++ ${change.path}`, `@@ line ${start + 1} @@`];
  for (let i = start; i <= endA; i++) out.push(`-${a[i]}`);
  for (let i = start; i <= endB; i++) out.push(`+${b[i]}`);
  return out.join('\n');
}

/**
 * Folders set-up made for a file it removes (`.claude/skills/extract-skill/`, `.vscode/`, `~/.claude/`), when nothing
 * else is in them; never the home folder, the current folder or anything above them.
 */
function removeEmptyParents(start: string): void {
  const stops = new Set([homedir(), process.env.HOME ?? '', process.cwd()].filter(Boolean).map((d) => resolve(d)));
  for (let dir = resolve(start); !stops.has(dir) && dirname(dir) !== dir; dir = dirname(dir)) {
    if ([...stops].some((stop) => stop.startsWith(`${dir}/`))) return; // an ancestor of home or cwd
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty: leave it and what holds it
    }
  }
}
