import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clearance } from '../gate/grey-zone.js';
import { GuardBlockedError } from '../gate/guard-blocked-error.js';
import type { FileFinding, FolderScan } from './scan-folder.js';

/**
 * The model judge for one file of a skill being installed (built by the caller on the Invoker: taps
 * cannot reach a model): a clearance when it judged the grey-zone file safe, GuardBlockedError when
 * unsafe, undefined when the file is not in the grey zone or no verdict could be had.
 */
export type FileJudge = (text: string, caller: string) => Promise<Clearance | undefined>;

/**
 * Asks the judge about every text file the guard flagged without a critical finding. Judged safe: its
 * blocking findings become warnings (still shown and confirmed, but no --force needed). Judged unsafe:
 * its findings block, with the judge's reason as one more finding (--force still overrides an opinion;
 * nothing overrides a critical finding).
 */
export async function judgeFlaggedFiles(dir: string, scan: FolderScan, judge: FileJudge | undefined): Promise<void> {
  if (!judge) return;
  const caller = `tap:${scan.name ?? 'skill'}`;
  const flagged = new Set([...scan.blocked, ...scan.warnings].filter((f) => !f.rule.startsWith('file.')).map((f) => f.file));
  const binary = new Set(scan.warnings.filter((f) => f.rule === 'file.binary').map((f) => f.file));
  for (const file of flagged) {
    if (binary.has(file) || scan.critical.some((f) => f.file === file)) continue;
    try {
      if (await judge(readFileSync(join(dir, file), 'utf8'), `${caller}:${file}`)) move(scan, file, 'blocked', 'warnings');
    } catch (err) {
      if (!(err instanceof GuardBlockedError)) throw err;
      move(scan, file, 'warnings', 'blocked');
      scan.blocked.push(judgeFinding(file, String(err.details.judgeReason ?? err.message)));
    }
  }
}

function move(scan: FolderScan, file: string, from: 'blocked' | 'warnings', to: 'blocked' | 'warnings'): void {
  const moving = scan[from].filter((f) => f.file === file);
  scan[from] = scan[from].filter((f) => f.file !== file);
  scan[to].push(...moving);
}

function judgeFinding(file: string, reason: string): FileFinding {
  return { file, rule: 'judge.unsafe', category: 'learned', severity: 'high', start: 0, end: 0, excerpt: reason };
}
