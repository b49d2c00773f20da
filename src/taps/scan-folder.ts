import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { scanText, type Finding } from '../guard/index.js';
import { parseSkillText } from '../skills/parse.js';

export interface FileFinding extends Finding {
  file: string;
}

export interface FolderScan {
  name: string | null;
  loadable: boolean;
  specErrors: string[];
  /** Critical findings: nothing installs them, --force included. */
  critical: FileFinding[];
  /** Files the guard would block (without a critical finding): need --force. */
  blocked: FileFinding[];
  /** Anything else the guard noticed: needs --yes when not asked on a terminal. */
  warnings: FileFinding[];
  files: string[];
}

const MAX_FILE_BYTES = 1024 * 1024;

/** Validates SKILL.md and scans every text file of a skill folder with the guard's `skill` surface. */
export function scanSkillFolder(dir: string): FolderScan {
  const files = fg.sync('**/*', { cwd: dir, dot: true, onlyFiles: true, ignore: ['.git/**'] }).sort();
  const result: FolderScan = { name: null, loadable: false, specErrors: [], critical: [], blocked: [], warnings: [], files };
  for (const file of files) {
    const path = join(dir, file);
    if (statSync(path).size > MAX_FILE_BYTES) { result.warnings.push({ file, rule: 'file.too_large_to_scan', category: 'obfuscation', severity: 'medium', start: 0, end: 0, excerpt: `${file} is over 1 MiB` }); continue; }
    const buffer = readFileSync(path);
    if (buffer.includes(0)) { result.warnings.push({ file, rule: 'file.binary', category: 'obfuscation', severity: 'low', start: 0, end: 0, excerpt: `${file} is binary (not scanned)` }); continue; }
    const text = buffer.toString('utf8');
    if (file === 'SKILL.md') checkSkillMd(text, dir, result);
    const scan = scanText(text, { surface: 'skill' });
    const findings = scan.findings.map((f) => ({ ...f, file }));
    result.critical.push(...findings.filter((f) => f.severity === 'critical'));
    const rest = findings.filter((f) => f.severity !== 'critical');
    if (scan.verdict === 'block') result.blocked.push(...rest);
    else result.warnings.push(...rest);
  }
  if (!files.includes('SKILL.md')) result.specErrors.push('no SKILL.md in the folder');
  return result;
}

function checkSkillMd(text: string, dir: string, result: FolderScan): void {
  const outcome = parseSkillText(text, join(dir, 'SKILL.md'), { path: dir, label: 'install' });
  if ('problem' in outcome) { result.specErrors.push(outcome.problem.reason); return; }
  result.loadable = true;
  result.name = outcome.skill.name;
  result.specErrors.push(...outcome.skill.findings.filter((f) => f.severity === 'error' && f.rule !== 'name-folder-mismatch').map((f) => f.message));
}
