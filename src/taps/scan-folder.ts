import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanText, type Finding } from '../guard/index.js';
import { parseSkillText } from '../skills/parse.js';
import { TOLERATED_RULES } from '../skills/validate.js';
import { textOfBinary } from './binary-text.js';
import { listSkillEntries, type SkillEntries } from './skill-entries.js';

export interface FileFinding extends Finding {
  file: string;
}

export interface FolderScan {
  name: string | null;
  loadable: boolean;
  specErrors: string[];
  /** Spec errors lenient clients accept (TOLERATED_RULES): installed as written, with these notes. */
  specWarnings: string[];
  /** Critical findings: nothing installs them, --force included. */
  critical: FileFinding[];
  /** Files the guard would block (without a critical finding): need --force. */
  blocked: FileFinding[];
  /** Anything else the guard noticed: needs --yes when not asked on a terminal. */
  warnings: FileFinding[];
  files: string[];
}

/**
 * Validates SKILL.md and scans every regular file of a skill folder with the guard's `skill` surface,
 * binary files by their text parts. Symlinks are findings, never followed: one that leaves the skill is
 * critical (it could expose any host file), one inside is a warning (it is not installed).
 * Throws when a file or the whole skill is over SKILL_LIMITS.
 */
export function scanSkillFolder(dir: string, entries: SkillEntries = listSkillEntries(dir)): FolderScan {
  const files = entries.files.map((f) => f.path);
  const result = emptyScan(files);
  for (const file of files) scanFile(dir, file, result);
  for (const link of entries.links) {
    if (link.inside)
      result.warnings.push(
        fileFinding(link.path, 'file.symlink', 'low', `${link.path} is a symlink (to ${link.target}); symlinks are not installed`),
      );
    else
      result.critical.push(
        fileFinding(
          link.path,
          'file.symlink_outside',
          'critical',
          `${link.path} is a symlink to ${link.target}, outside the skill`,
          'exfiltration',
        ),
      );
  }
  for (const path of entries.special)
    result.warnings.push(fileFinding(path, 'file.special', 'low', `${path} is not a regular file; it is not installed`));
  if (!files.includes('SKILL.md')) result.specErrors.push('no SKILL.md in the folder (as a regular file)');
  return result;
}

/** The first findings, one line each, as install errors list them. */
export function listFindings(findings: FileFinding[]): string {
  return findings
    .slice(0, 8)
    .map((f) => `  ${f.file}: ${f.rule} "${f.excerpt}"`)
    .join('\n');
}

function emptyScan(files: string[]): FolderScan {
  return { name: null, loadable: false, specErrors: [], specWarnings: [], critical: [], blocked: [], warnings: [], files };
}

function scanFile(dir: string, file: string, result: FolderScan): void {
  const buffer = readFileSync(join(dir, file));
  const binary = buffer.includes(0);
  if (binary) result.warnings.push(fileFinding(file, 'file.binary', 'low', `${file} is binary; only its text parts were scanned`));
  const text = binary ? textOfBinary(buffer) : buffer.toString('utf8');
  if (file === 'SKILL.md') checkSkillMd(text, dir, result);
  const scan = scanText(text, { surface: 'skill' });
  const findings = scan.findings.map((f) => ({ ...f, file }));
  result.critical.push(...findings.filter((f) => f.severity === 'critical'));
  const rest = findings.filter((f) => f.severity !== 'critical');
  if (scan.verdict === 'block') result.blocked.push(...rest);
  else result.warnings.push(...rest);
}

function fileFinding(
  file: string,
  rule: string,
  severity: Finding['severity'],
  excerpt: string,
  category: Finding['category'] = 'obfuscation',
): FileFinding {
  return { file, rule, category, severity, start: 0, end: 0, excerpt };
}

function checkSkillMd(text: string, dir: string, result: FolderScan): void {
  const outcome = parseSkillText(text, join(dir, 'SKILL.md'), { path: dir, label: 'install' });
  if ('problem' in outcome) {
    result.specErrors.push(outcome.problem.reason);
    return;
  }
  result.loadable = true;
  result.name = outcome.skill.name;
  for (const f of outcome.skill.findings.filter((x) => x.severity === 'error')) {
    if (!TOLERATED_RULES.has(f.rule)) result.specErrors.push(f.message);
    else if (f.rule !== 'name-folder-mismatch') result.specWarnings.push(`${f.message}; installed as written (lenient clients load it)`);
  }
}
