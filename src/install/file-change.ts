import { copyFileSync, existsSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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
    // Folders set-up made for it (`.claude/skills/extract-skill/`, `.vscode/`), when nothing else is in them.
    for (let dir = dirname(change.path), level = 0; level < 2; dir = dirname(dir), level++) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty: leave it and what holds it
      }
    }
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
